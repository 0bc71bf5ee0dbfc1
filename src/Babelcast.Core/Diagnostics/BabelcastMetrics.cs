using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Babelcast.Core.Diagnostics;

/// <summary>
/// Process-wide counters, gauges and histograms rendered in the Prometheus text format.
/// Written by hand because no Prometheus exporter package resolves on the mirror.
/// </summary>
public sealed class BabelcastMetrics
{
    private static readonly double[] StageBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];
    private readonly ConcurrentDictionary<(string Name, string Label), StrongBox> _counters = new();
    private readonly ConcurrentDictionary<(string Name, string Label), Histogram> _histograms = new();
    private readonly ConcurrentDictionary<string, (string Help, string Type, string LabelName)> _meta = new();
    private readonly ConcurrentDictionary<string, Func<IEnumerable<(string Label, double Value)>>> _gauges = new();

    public void Increment(string name, string help, string labelName = "", string label = "", long by = 1)
    {
        _meta.TryAdd(name, (help, "counter", labelName));
        var box = _counters.GetOrAdd((name, label), _ => new StrongBox());
        Interlocked.Add(ref box.Value, by);
    }

    public long CounterValue(string name, string label = "") =>
        _counters.TryGetValue((name, label), out var box) ? Interlocked.Read(ref box.Value) : 0;

    public void Observe(string name, string help, string labelName, string label, double seconds)
    {
        _meta.TryAdd(name, (help, "histogram", labelName));
        _histograms.GetOrAdd((name, label), _ => new Histogram(StageBuckets)).Observe(seconds);
    }

    /// <summary>Registers a gauge whose values are read at scrape time.</summary>
    public void Gauge(string name, string help, string labelName, Func<IEnumerable<(string Label, double Value)>> read)
    {
        _meta[name] = (help, "gauge", labelName);
        _gauges[name] = read;
    }

    public void WriteTo(StringBuilder sb)
    {
        foreach (var (name, meta) in _meta.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // In the text format the HELP and TYPE lines name the series itself, so a counter's carry its _total suffix.
            var family = meta.Type == "counter" ? name + "_total" : name;
            sb.Append("# HELP ").Append(family).Append(' ').Append(meta.Help).Append('\n');
            sb.Append("# TYPE ").Append(family).Append(' ').Append(meta.Type).Append('\n');
            switch (meta.Type)
            {
                case "counter":
                    foreach (var ((n, label), box) in _counters.Where(c => c.Key.Name == name).OrderBy(c => c.Key.Label, StringComparer.Ordinal))
                    {
                        Line(sb, n + "_total", meta.LabelName, label, Interlocked.Read(ref box.Value));
                    }

                    break;
                case "gauge" when _gauges.TryGetValue(name, out var read):
                    foreach (var (label, value) in read())
                    {
                        Line(sb, name, meta.LabelName, label, value);
                    }

                    break;
                case "histogram":
                    foreach (var ((_, label), h) in _histograms.Where(c => c.Key.Name == name).OrderBy(c => c.Key.Label, StringComparer.Ordinal))
                    {
                        h.WriteTo(sb, name, meta.LabelName, label);
                    }

                    break;
            }
        }
    }

    internal static void Line(StringBuilder sb, string name, string labelName, string label, double value, string extra = "")
    {
        sb.Append(name);
        if (labelName.Length > 0 || extra.Length > 0)
        {
            sb.Append('{');
            if (labelName.Length > 0)
            {
                sb.Append(labelName).Append("=\"").Append(Escape(label)).Append('"');
                if (extra.Length > 0)
                {
                    sb.Append(',');
                }
            }

            sb.Append(extra).Append('}');
        }

        sb.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class StrongBox
    {
        public long Value;
    }
}
