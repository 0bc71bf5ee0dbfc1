using Babelcast.Core.Ingest;
using Babelcast.Testing.Contracts;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Tests.Ingest;

public sealed class InProcessAudioIngestTests : AudioIngestContractTests
{
    protected override IAudioIngest CreateIngest(int capacity) =>
        new InProcessAudioIngest(Options.Create(new IngestOptions { QueueCapacity = capacity }));

    [Fact]
    public void TryWrite_QueueCapacityItems_AcceptsExactlyCapacityThenFull()
    {
        var ingest = CreateIngest(8);
        var item = new IngestItem(IngestKind.Audio, new byte[640], 0);

        var results = Enumerable.Range(0, 10).Select(_ => ingest.TryWrite("a", item)).ToList();

        Assert.Equal(8, results.Count(r => r == IngestWriteResult.Accepted));
        Assert.Equal([IngestWriteResult.Full, IngestWriteResult.Full], results.Skip(8));
    }

    [Fact]
    public void IngestOptions_DefaultCapacity_IsAboutOneMinuteOf100msFrames()
    {
        Assert.Equal(600, new IngestOptions().QueueCapacity);
    }
}
