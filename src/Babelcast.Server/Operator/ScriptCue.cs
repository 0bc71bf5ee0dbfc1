namespace Babelcast.Server.Operator;

/// <summary>One line of prepared text: its place, the Markdown heading it falls under (null before any), and its text.</summary>
internal sealed record ScriptCue(int Index, string? Section, string Text);
