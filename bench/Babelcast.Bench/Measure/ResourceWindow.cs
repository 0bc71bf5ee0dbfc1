namespace Babelcast.Bench.Measure;

/// <summary>A process's resource use over a window of wall time.</summary>
public sealed record ResourceWindow(double WallSeconds, double CpuSeconds, double CpuCores, long RssBytes, long PeakRssBytes, int Threads)
{
    public double RssMiB => RssBytes / 1048576.0;

    public double PeakRssMiB => PeakRssBytes / 1048576.0;
}
