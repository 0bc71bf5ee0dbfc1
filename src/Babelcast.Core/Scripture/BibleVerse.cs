namespace Babelcast.Core.Scripture;

/// <summary>One verse of a passage as plain text.</summary>
public sealed record BibleVerse(int Chapter, int Verse, string Text);
