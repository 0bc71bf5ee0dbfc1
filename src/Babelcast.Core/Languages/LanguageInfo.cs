namespace Babelcast.Core.Languages;

/// <summary>A language the server can serve, keyed by its ISO 639-1 code (or a BCP 47 tag such as pt-BR).</summary>
public sealed record LanguageInfo(string Code, string Name);
