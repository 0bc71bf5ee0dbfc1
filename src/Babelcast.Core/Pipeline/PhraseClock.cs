namespace Babelcast.Core.Pipeline;

/// <summary>
/// The stopwatch that travels with a phrase: TimeProvider timestamps of each stage, reported in milliseconds after
/// the end of speech (the arrival of the phrase's last voiced frame).
/// </summary>
public sealed class PhraseClock(TimeProvider time, long firstReceived, long speechEnd)
{
    private readonly Dictionary<string, long> _marks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeProvider Time => time;

    public long FirstReceived => firstReceived;

    public long SpeechEnd => speechEnd;

    public void Mark(string stage)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _marks.TryAdd(stage, now);
        }
    }

    /// <summary>Marks a stage reached earlier (a final pass that started before the phrase was known to be over).</summary>
    public void Mark(string stage, long timestamp)
    {
        lock (_gate)
        {
            _marks.TryAdd(stage, timestamp);
        }
    }

    public double MillisecondsSinceSpeechEnd(long timestamp) => time.GetElapsedTime(speechEnd, timestamp).TotalMilliseconds;

    public double ElapsedMs() => time.GetElapsedTime(speechEnd).TotalMilliseconds;

    public IReadOnlyDictionary<string, double> Snapshot()
    {
        lock (_gate)
        {
            return _marks.ToDictionary(m => m.Key, m => Math.Round(MillisecondsSinceSpeechEnd(m.Value), 1), StringComparer.Ordinal);
        }
    }
}
