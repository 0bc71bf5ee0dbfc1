using Babelcast.Core.Capacity;

namespace Babelcast.Engines.Whisper.Tests;

internal sealed class TestShedding : ILoadShedding
{
    public ShedLevel Level { get; set; }

    public void ReportIngestLag(TimeSpan lag)
    {
    }

    public void ReportFinalDelay(TimeSpan delay)
    {
    }
}
