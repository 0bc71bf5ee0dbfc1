namespace Babelcast.Core.Scripture;

/// <summary>An installed Bible: its module id, name, language (BCP 47, e.g. "en", "es") and distribution licence.</summary>
public sealed record BibleInfo(string Id, string Name, string Language, string Licence);
