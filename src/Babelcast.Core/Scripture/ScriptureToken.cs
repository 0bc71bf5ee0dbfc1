namespace Babelcast.Core.Scripture;

internal enum ScriptureTokenKind
{
    Word,
    Number,
    Punctuation,
}

/// <summary>A word ("john", "1st"), a run of digits or one punctuation mark, with its place in the source text.</summary>
internal readonly record struct ScriptureToken(ScriptureTokenKind Kind, string Text, int Start, int Value)
{
    public int End => Start + Text.Length;

    public bool IsCapitalised => Text.Length > 0 && char.IsUpper(Text[0]);

    public bool IsWord(string lower) => Kind == ScriptureTokenKind.Word && string.Equals(Text, lower, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char c) => Kind == ScriptureTokenKind.Punctuation && Text[0] == c;

    /// <summary>A hyphen or dash of any width.</summary>
    public bool IsDash => Kind == ScriptureTokenKind.Punctuation && Text[0] is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014';
}
