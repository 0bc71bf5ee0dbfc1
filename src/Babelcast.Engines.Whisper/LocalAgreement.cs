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
        // Grow only: the words shown stay as shown (a later decode may change their case or punctuation), new agreed
        // words are appended as the latest decode writes them; a shorter or diverging agreement is ignored.
        if (common > _committed.Length && CommonPrefix(_committed, words) == _committed.Length)
        {
            _committed = [.. _committed, .. words[_committed.Length..common]];
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
