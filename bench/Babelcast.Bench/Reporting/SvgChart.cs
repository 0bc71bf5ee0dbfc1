using System.Globalization;
using System.Net;
using System.Text;

namespace Babelcast.Bench.Reporting;

/// <summary>Hand-drawn SVG charts (no dependencies): a cumulative distribution and a line chart.</summary>
public static class SvgChart
{
    private const int W = 760, H = 420, Left = 70, Right = 20, Top = 40, Bottom = 55;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"];

    /// <summary>Share of values at or below x, one step line per series; vertical dashed markers (targets).</summary>
    public static string Cdf(string title, string xLabel, IReadOnlyList<ChartSeries> series, IReadOnlyList<(string Label, double X)> markers, string yLabel = "share of phrases at or below")
    {
        var all = series.SelectMany(s => s.Values).Concat(markers.Select(m => m.X)).DefaultIfEmpty(1).ToList();
        var xMax = Nice(all.Max() * 1.05);
        var lines = series.Select(s =>
        {
            var sorted = s.Values.Order().ToArray();
            var points = new List<(double, double)> { (0, 0) };
            for (var i = 0; i < sorted.Length; i++)
            {
                points.Add((sorted[i], i / (double)sorted.Length));
                points.Add((sorted[i], (i + 1) / (double)sorted.Length));
            }

            return (s.Name + $" (n={sorted.Length})", (IReadOnlyList<(double, double)>)points);
        }).ToList();
        return Draw(title, xLabel, yLabel, lines, xMax, 1, markers, percentY: true);
    }

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series)
    {
        var points = series.SelectMany(s => s.Points ?? []).ToList();
        var xMax = Nice(points.Select(p => p.X).DefaultIfEmpty(1).Max());
        var yMax = Nice(points.Select(p => p.Y).DefaultIfEmpty(1).Max() * 1.1);
        return Draw(title, xLabel, yLabel, series.Select(s => (s.Name, s.Points ?? [])).ToList(), xMax, yMax, [], percentY: false, dots: true);
    }

    private static string Draw(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> lines,
        double xMax, double yMax, IReadOnlyList<(string Label, double X)> markers, bool percentY, bool dots = false)
    {
        double Px(double x) => Left + (x / xMax * (W - Left - Right));
        double Py(double y) => H - Bottom - (y / yMax * (H - Top - Bottom));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{W}\" height=\"{H}\" fill=\"white\"/>\n<text x=\"{W / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Esc(title)}</text>\n");
        for (var i = 0; i <= 5; i++)
        {
            var x = xMax * i / 5;
            var y = yMax * i / 5;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Px(x):F1}\" y1=\"{Top}\" x2=\"{Px(x):F1}\" y2=\"{H - Bottom}\" stroke=\"#eee\"/><text x=\"{Px(x):F1}\" y=\"{H - Bottom + 16}\" text-anchor=\"middle\">{Fmt(x)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Py(y):F1}\" x2=\"{W - Right}\" y2=\"{Py(y):F1}\" stroke=\"#eee\"/><text x=\"{Left - 6}\" y=\"{Py(y) + 4:F1}\" text-anchor=\"end\">{(percentY ? $"{y * 100:F0}%" : Fmt(y))}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{H - Bottom}\" x2=\"{W - Right}\" y2=\"{H - Bottom}\" stroke=\"#333\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{H - Bottom}\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(W + Left) / 2}\" y=\"{H - 14}\" text-anchor=\"middle\">{Esc(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16,{(H - Bottom + Top) / 2}) rotate(-90)\" text-anchor=\"middle\">{Esc(yLabel)}</text>\n");
        for (var m = 0; m < markers.Count; m++)
        {
            var (label, x) = markers[m];
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Px(x):F1}\" y1=\"{Top}\" x2=\"{Px(x):F1}\" y2=\"{H - Bottom}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/><text x=\"{Px(x) + 3:F1}\" y=\"{Top + 10 + (m * 12)}\" fill=\"#555\" font-size=\"10\">{Esc(label)}</text>\n");
        }

        // Legend: bottom right for a CDF (curves climb on the left), top left for lines (they climb to the right).
        var legendX = percentY ? W - Right - 260 : Left + 10;
        var legendY = percentY ? H - Bottom - 10 - (lines.Count * 16) : Top + 4;
        var legend = new StringBuilder();
        legend.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX - 4}\" y=\"{legendY}\" width=\"262\" height=\"{(lines.Count * 16) + 6}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>\n");

        for (var i = 0; i < lines.Count; i++)
        {
            var color = Colors[i % Colors.Length];
            var pts = string.Join(' ', lines[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Px(Math.Min(p.X, xMax)):F1},{Py(p.Y):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{pts}\"/>\n");
            if (dots)
            {
                foreach (var p in lines[i].Points)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Px(p.X):F1}\" cy=\"{Py(p.Y):F1}\" r=\"3\" fill=\"{color}\"/>");
                }
            }

            var ly = legendY + 16 + (i * 16);
            legend.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX + 2}\" y=\"{ly - 8}\" width=\"14\" height=\"4\" fill=\"{color}\"/><text x=\"{legendX + 22}\" y=\"{ly - 3}\">{Esc(lines[i].Name)}</text>\n");
        }

        return svg.Append(legend).Append("</svg>\n").ToString();
    }

    private static double Nice(double max)
    {
        if (max <= 0 || !double.IsFinite(max))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.First(s => s * magnitude >= max);
        return step * magnitude;
    }

    private static string Fmt(double v) => v >= 100 || v == Math.Round(v) ? v.ToString("F0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
