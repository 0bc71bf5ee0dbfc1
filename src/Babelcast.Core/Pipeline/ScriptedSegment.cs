namespace Babelcast.Core.Pipeline;

/// <summary>One phrase of a <see cref="ScriptedPhrase"/>: its source text and the texts ready for some languages.</summary>
public sealed record ScriptedSegment(string Text, PreparedTexts Ready);
