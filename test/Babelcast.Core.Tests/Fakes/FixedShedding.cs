using Babelcast.Core.Capacity;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>A shedding level set by the test; records what the pipeline reports.</summary>
internal sealed class FixedShedding(ShedLevel level = ShedLevel.Normal) : ILoadShedding
{
    private int _ingestReports;
    private int _finalReports;

    public ShedLevel Level { get; set; } = level;

    public int IngestReports => Volatile.Read(ref _ingestReports);

    public int FinalReports => Volatile.Read(ref _finalReports);

    public void ReportIngestLag(TimeSpan lag) => Interlocked.Increment(ref _ingestReports);

    public void ReportFinalDelay(TimeSpan delay) => Interlocked.Increment(ref _finalReports);
}
