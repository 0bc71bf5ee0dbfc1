using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Babelcast.Core.Capacity;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Languages;
using Babelcast.Core.Recognition;
using Babelcast.Core.Tests.Fakes;
using Babelcast.Core.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Tests.Capacity;

/// <summary>A real pipeline runs its recognition work under the scheduler's leases, in the class each piece belongs to.</summary>
public sealed class SchedulingPipelineTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Run_FirstPhraseThenMore_FirstFinalPassAheadOfTheRestAndEveryChunkUnderAStreamingLease()
    {
        var scheduler = CreateScheduler(concurrency: 2, reserved: 1);
        var recognizer = new LeaseRecordingFactory(scheduler);
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster, recognizer, scheduler: scheduler);
        await harness.StartAsync();

        harness.Speak(1);
        await WaitUntilAsync(() => broadcaster.Captions("es").Count == 1);
        harness.Speak(2);
        await harness.EndAsync();

        Assert.Equal([WorkPriority.FirstPhraseFinal, WorkPriority.Final, WorkPriority.Final], recognizer.FinalClasses);
        Assert.True(recognizer.Chunks > 10, $"{recognizer.Chunks} chunks");
        Assert.Equal(0, recognizer.ChunksWithoutLease);
        Assert.Equal(3, broadcaster.Captions("es").Count);
        var timings = broadcaster.Speaker.Where(m => m.TryGetProperty("timings", out _)).Select(m => m.GetProperty("timings")).ToList();
        Assert.Equal(3, timings.Count);
        Assert.All(timings, t => Assert.InRange(t.GetProperty("finalQueued").GetDouble(), double.MinValue, t.GetProperty("finalStarted").GetDouble()));
        Assert.All(timings, t => Assert.InRange(t.GetProperty("finalStarted").GetDouble(), double.MinValue, t.GetProperty("recognised").GetDouble()));
        Assert.All(Enum.GetValues<WorkPriority>(), p => Assert.Equal((0, 0), (scheduler.Running(p), scheduler.Queued(p))));
    }

    [Fact]
    public async Task Run_OneSlotOnly_FinalPassesHoldingItDoNotStallTheLoop()
    {
        var scheduler = CreateScheduler(concurrency: 1, reserved: 0);
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster, new LeaseRecordingFactory(scheduler, finalDelay: TimeSpan.FromMilliseconds(50)), scheduler: scheduler);
        await harness.StartAsync();

        harness.Speak(4);
        await harness.EndAsync();

        Assert.Equal([1, 2, 3, 4], broadcaster.Captions("es").Select(c => c.Seq));
    }

    private WorkScheduler CreateScheduler(int concurrency, int reserved) =>
        new(Options.Create(new WorkSchedulerOptions { Concurrency = concurrency, ReservedForFinal = reserved }), TimeProvider.System,
            new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>()), NullLogger<WorkScheduler>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Notes, at each call, which lease of the scheduler the pipeline holds around it.</summary>
    private sealed class LeaseRecordingFactory(WorkScheduler scheduler, TimeSpan finalDelay = default) : ISpeechRecognizerFactory
    {
        private readonly ConcurrentQueue<WorkPriority?> _finals = new();
        private int _chunks;
        private int _chunksWithoutLease;
        private int _phrases;

        public List<WorkPriority?> FinalClasses => [.. _finals];

        public WorkScheduler Scheduler { get; } = scheduler;

        public TimeSpan FinalDelay { get; } = finalDelay;

        public int Chunks => Volatile.Read(ref _chunks);

        public int ChunksWithoutLease => Volatile.Read(ref _chunksWithoutLease);

        public string Name => "scripted";

        public IReadOnlyList<LanguageInfo> SupportedLanguages { get; } = [LanguageNames.Info("en")];

#pragma warning disable CA2000 // the renter owns the recogniser
        public ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ISpeechRecognizer>(new Recognizer(this));
#pragma warning restore CA2000

        public ValueTask PrewarmAsync(string language, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        private WorkPriority? Holding() =>
            Enum.GetValues<WorkPriority>().Where(p => p <= WorkPriority.Final && Scheduler.Running(p) > 0).Cast<WorkPriority?>().FirstOrDefault();

        private sealed class Recognizer(LeaseRecordingFactory owner) : ISpeechRecognizer
        {
            public void StartUtterance()
            {
            }

            public string ProcessChunk(ReadOnlySpan<short> samples)
            {
                Interlocked.Increment(ref owner._chunks);
                if (owner.Scheduler.Running(WorkPriority.Streaming) == 0)
                {
                    Interlocked.Increment(ref owner._chunksWithoutLease);
                }

                return string.Empty;
            }

            public async ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
            {
                owner._finals.Enqueue(owner.Holding());
                var n = Interlocked.Increment(ref owner._phrases);
                if (owner.FinalDelay > TimeSpan.Zero)
                {
                    await Task.Delay(owner.FinalDelay, cancellationToken);
                }

                return $"phrase {n}";
            }

            public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken) =>
                throw new NotSupportedException("The harness turns the head start off.");

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
