namespace Babelcast.Core.Glossaries;

/// <summary>Why a glossary was refused: a stable error code (<see cref="Protocol.ErrorCodes"/>) and a message for people.</summary>
public sealed record GlossaryProblem(string Code, string Message);
