using System.Globalization;

namespace Babelcast.Core.Cluster;

/// <summary>
/// How far a session's pipeline got, committed after each finished phrase: the ingest position of the item that
/// ended the phrase, and the last seq given out at that moment. A node that takes the session over reads the log after
/// <see cref="Position"/> and numbers phrases from <see cref="Seq"/>, so a phrase that was delivered but not yet
/// committed is recognised again under its own seq, which listeners and the store already drop as a duplicate.
/// </summary>
public readonly record struct IngestCheckpoint(string Position, long Seq)
{
    private const char Separator = '|';

    /// <summary>The start of a log, before any item.</summary>
    public const string Start = "0-0";

    public string Format() => Position + Separator + Seq.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a stored checkpoint; a bare position (no seq) reads as seq 0.</summary>
    public static IngestCheckpoint Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var at = value.LastIndexOf(Separator);
        if (at < 0)
        {
            return new IngestCheckpoint(value, 0);
        }

        var seq = long.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        return new IngestCheckpoint(value[..at], seq);
    }
}
