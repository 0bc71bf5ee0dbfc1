using System.Globalization;
using Babelcast.Core.Ingest;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// One stream entry, both ways. TimeProvider timestamps mean something only in the process that took them, so an entry
/// carries the writer's clock id with the raw timestamp, and the wall-clock time for a reader in another process.
/// </summary>
internal static class IngestEntry
{
    public const string ClosedKind = "closed";

    /// <summary>Identifies this process's timestamp clock.</summary>
    public static readonly string ClockId = Guid.NewGuid().ToString("N");

    public static RedisValue[] AppendArguments(IngestItem item, long seq, string writerId, TimeProvider time, long hardCap, RedisChannel wake)
    {
        var wallMs = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)time.GetElapsedTime(item.ReceivedTimestamp).TotalMilliseconds;
        return
        [
            ((int)item.Kind).ToString(CultureInfo.InvariantCulture),
            wallMs,
            ClockId,
            item.ReceivedTimestamp,
            item.Audio,
            hardCap,
            wake.ToString(),
            writerId,
            seq,
            item.ClientSeq,
        ];
    }

    /// <summary>The entry's writer and its sequence number, and its item; a null item for the end-of-log marker.</summary>
    public static (string Writer, long Seq, IngestItem? Item) Parse(StreamEntry entry, TimeProvider time)
    {
        var kind = entry["k"].ToString();
        if (kind == ClosedKind)
        {
            return ("", 0, null);
        }

        var parsedKind = (IngestKind)int.Parse(kind, NumberStyles.None, CultureInfo.InvariantCulture);
        var timestamp = entry["c"] == ClockId ? (long)entry["t"] : LocalTimestamp((long)entry["w"], time);
        var audio = parsedKind is IngestKind.Audio or IngestKind.Text or IngestKind.Script ? (ReadOnlyMemory<byte>)(byte[])entry["a"]! : ReadOnlyMemory<byte>.Empty;
        return (entry["o"].ToString(), (long)entry["g"], new IngestItem(parsedKind, audio, timestamp) { Position = entry.Id.ToString() });
    }

    private static long LocalTimestamp(long wallMs, TimeProvider time)
    {
        var now = time.GetTimestamp();
        var ageMs = Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - wallMs);
        return now - (ageMs * time.TimestampFrequency / 1000);
    }
}
