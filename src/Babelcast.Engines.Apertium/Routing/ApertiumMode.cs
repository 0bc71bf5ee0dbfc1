namespace Babelcast.Engines.Apertium.Routing;

/// <summary>One installed translation direction: a mode file that turns <see cref="Source"/> into <see cref="Target"/>.</summary>
internal sealed record ApertiumMode(string Name, string Source, string Target, string FilePath);
