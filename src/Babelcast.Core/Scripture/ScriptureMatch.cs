namespace Babelcast.Core.Scripture;

/// <summary>A reference found in source text, with where it was said (<paramref name="Start"/>, <paramref name="Length"/> in characters).</summary>
public sealed record ScriptureMatch(ScriptureReference Reference, int Start, int Length, string Text);
