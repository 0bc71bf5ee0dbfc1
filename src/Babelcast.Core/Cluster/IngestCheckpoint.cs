using System.Globalization;

namespace Babelcast.Core.Cluster;

/// <summary>
/// How far a session's pipeline got, committed after each finished phrase: the ingest position of the item that
/// ended the phrase, the last seq given out at that moment, and the session's media time there. A node that takes the
/// session over reads the log after <see cref="Position"/>, numbers phrases from <see cref="Seq"/> and times them from
/// <see cref="Ms"/>, so a phrase that was delivered but not yet committed is recognised again under its own seq (which
/// listeners and the store drop as a duplicate) and transcript times go on where they were.
/// </summary>
public readonly record struct IngestCheckpoint(string Position, long Seq, long Ms = 0)
{
    private const char Separator = '|';

    /// <summary>The start of a log, before any item.</summary>
    public const string Start = "0-0";

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Position}{Separator}{Seq}{Separator}{Ms}");

    /// <summary>Reads a stored checkpoint; missing or unreadable numbers (a bare position) read as 0.</summary>
    public static IngestCheckpoint Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var parts = value.Split(Separator);
        return new IngestCheckpoint(parts[0], Number(parts, 1), Number(parts, 2));

        static long Number(string[] parts, int index) =>
            parts.Length > index && long.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
    }
}
