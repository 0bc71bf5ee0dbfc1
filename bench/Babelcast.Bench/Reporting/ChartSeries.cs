namespace Babelcast.Bench.Reporting;

/// <summary>A named series: raw values for a CDF, or (x, y) points for a line chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<(double X, double Y)>? Points = null);
