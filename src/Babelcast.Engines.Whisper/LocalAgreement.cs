namespace Babelcast.Engines.Whisper;

/// <summary>
/// Local agreement over successive decodes of one growing phrase: only the words two decodes in a row agree on are
/// shown, and what was shown is never taken back within the phrase, so a partial caption only grows (no flicker)
/// even though each Whisper decode may rewrite its tail.
/// </summary>
internal sealed class LocalAgreement
{
    private string[] _previous = [];
    private string[] _committed = [];

    public string Agreed { get; private set; } = string.Empty;

    /// <summary>The latest decode in full, agreed or not (the text of the phrase if no decode follows).</summary>
    public string Latest { get; private set; } = string.Empty;

    public void Reset()
    {
        _previous = [];
        _committed = [];
        Agreed = string.Empty;
        Latest = string.Empty;
    }

    /// <summary>Takes a new decode of the phrase so far; returns the agreed text.</summary>
    public string Add(string hypothesis)
    {
        Latest = hypothesis.Trim();
        var words = Latest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var common = CommonPrefix(_previous, words);
        _previous = words;
        // Grow only: a longer agreement that keeps what was shown replaces it; a shorter or diverging one is ignored.
        if (common > _committed.Length && CommonPrefix(_committed, words) == _committed.Length)
        {
            _committed = words[..common];
            Agreed = string.Join(' ', _committed);
        }

        return Agreed;
    }

    private static int CommonPrefix(string[] a, string[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && Same(a[i], b[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Words match ignoring case and trailing punctuation ("world," and "World." are the same word so far).</summary>
    private static bool Same(string a, string b) =>
        string.Equals(a.TrimEnd(',', '.', '?', '!', ';', ':'), b.TrimEnd(',', '.', '?', '!', ';', ':'), StringComparison.OrdinalIgnoreCase);
}
