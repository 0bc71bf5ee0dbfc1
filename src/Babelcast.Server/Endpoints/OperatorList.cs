namespace Babelcast.Server.Endpoints;

/// <summary>A session's co-operators, oldest invitation first, and how many it may have.</summary>
internal sealed record OperatorList(IReadOnlyList<OperatorView> Operators, int MaxPerSession);
