using System.Globalization;
using System.Text;

namespace Babelcast.Core.Diagnostics;

/// <summary>A cumulative Prometheus histogram; lock-free observation.</summary>
internal sealed class Histogram(double[] bounds)
{
    private readonly long[] _counts = new long[bounds.Length + 1];
    private long _count;
    private long _sumMicros;

    public void Observe(double seconds)
    {
        var i = Array.BinarySearch(bounds, seconds);
        Interlocked.Increment(ref _counts[i < 0 ? ~i : i]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, (long)(seconds * 1_000_000));
    }

    public void WriteTo(StringBuilder sb, string name, string labelName, string label)
    {
        long cumulative = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            BabelcastMetrics.Line(sb, name + "_bucket", labelName, label, cumulative, "le=\"" + bounds[i].ToString(CultureInfo.InvariantCulture) + "\"");
        }

        BabelcastMetrics.Line(sb, name + "_bucket", labelName, label, Interlocked.Read(ref _count), "le=\"+Inf\"");
        BabelcastMetrics.Line(sb, name + "_sum", labelName, label, Interlocked.Read(ref _sumMicros) / 1_000_000.0);
        BabelcastMetrics.Line(sb, name + "_count", labelName, label, Interlocked.Read(ref _count));
    }
}
