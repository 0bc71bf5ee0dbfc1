using System.Collections.Concurrent;
using Babelcast.Core.Capacity;
using Babelcast.Core.Languages;
using Babelcast.Core.Recognition;
using Babelcast.Core.Tests.Fakes;
using Babelcast.Core.Tests.Pipeline;

namespace Babelcast.Core.Tests.Capacity;

/// <summary>A real pipeline reads the shedding level for each phrase and reports its lag.</summary>
public sealed class SheddingPipelineTests
{
    [Theory]
    [InlineData(ShedLevel.Normal, FinalPass.Accurate, true)]
    [InlineData(ShedLevel.ThinPartials, FinalPass.Accurate, true)]
    [InlineData(ShedLevel.ReducedFinal, FinalPass.Reduced, true)]
    [InlineData(ShedLevel.StreamingFinal, FinalPass.Reduced, false)]
    public async Task Run_AtLevel_FinalPassAsThePolicySays(ShedLevel level, FinalPass expectedPass, bool secondDecode)
    {
        var recognizer = new PassRecordingFactory();
        var shedding = new FixedShedding(level);
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster, recognizer, shedding: shedding);
        await harness.StartAsync();

        harness.Speak(3);
        await harness.EndAsync();

        Assert.Equal(3, recognizer.Ends.Count);
        Assert.All(recognizer.Ends, e => Assert.Equal((expectedPass, secondDecode), (e.Pass, e.Samples > 0)));
        Assert.Equal(3, broadcaster.Captions("es").Count);
        Assert.True(shedding.IngestReports > 30, $"{shedding.IngestReports} ingest reports");
        Assert.Equal(3, shedding.FinalReports);
    }

    [Fact]
    public async Task Run_LevelRisesMidSession_LaterPhrasesUseTheCheaperPass()
    {
        var shedding = new FixedShedding();
        var recognizer = new PassRecordingFactory(onEnd: n => shedding.Level = n == 1 ? ShedLevel.StreamingFinal : shedding.Level);
        await using var harness = new PipelineHarness(new RecordingBroadcaster("es"), recognizer, shedding: shedding);
        await harness.StartAsync();

        harness.Speak(2);
        await harness.EndAsync();

        Assert.Equal([true, false], recognizer.Ends.Select(e => e.Samples > 0));
    }

    private sealed class PassRecordingFactory(Action<int>? onEnd = null) : ISpeechRecognizerFactory
    {
        public ConcurrentQueue<(FinalPass Pass, int Samples)> Ends { get; } = new();

        public Action<int>? OnEnd { get; } = onEnd;

        public string Name => "scripted";

        public IReadOnlyList<LanguageInfo> SupportedLanguages { get; } = [LanguageNames.Info("en")];

#pragma warning disable CA2000 // the renter owns the recogniser
        public ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ISpeechRecognizer>(new Recognizer(this));
#pragma warning restore CA2000

        public ValueTask PrewarmAsync(string language, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        private sealed class Recognizer(PassRecordingFactory owner) : ISpeechRecognizer
        {
            private FinalPass _pass;

            public void StartUtterance()
            {
            }

            public string ProcessChunk(ReadOnlySpan<short> samples) => string.Empty;

            public void SelectFinalPass(FinalPass pass) => _pass = pass;

            public ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
            {
                owner.Ends.Enqueue((_pass, utterance.Length));
                owner.OnEnd?.Invoke(owner.Ends.Count);
                return ValueTask.FromResult(PipelineHarness.Words(owner.Ends.Count));
            }

            public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken) =>
                throw new NotSupportedException("The harness turns the head start off.");

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
