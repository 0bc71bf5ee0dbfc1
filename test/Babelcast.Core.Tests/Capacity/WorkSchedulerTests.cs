using System.Diagnostics.Metrics;
using Babelcast.Core.Capacity;
using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Core.Tests.Capacity;

/// <summary>
/// The work scheduler with fake work (leases held by the test) on a fake clock: order by class, first come first served
/// within one, the streaming share of the slots, the bounds that stop starvation, and cancellation.
/// </summary>
public sealed class WorkSchedulerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new();
    private readonly BabelcastMetrics _metrics;

    public WorkSchedulerTests() => _metrics = new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>());

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task EnterAsync_SlotFree_GrantsAtOnce()
    {
        var scheduler = Create(concurrency: 2, reserved: 0);

        using var lease = await Enter(scheduler, WorkPriority.Streaming).WaitAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(WorkPriority.Streaming, lease.Priority);
        Assert.Equal(1, scheduler.Running(WorkPriority.Streaming));
    }

    [Fact]
    public async Task EnterAsync_AllSlotsBusy_GrantsMostUrgentClassFirst()
    {
        var scheduler = Create(concurrency: 1, reserved: 0);
        var holder = await Enter(scheduler, WorkPriority.Final);
        var order = new List<WorkPriority>();
        var waiting = new[] { WorkPriority.Partial, WorkPriority.Streaming, WorkPriority.Final, WorkPriority.FirstPhraseFinal }
            .Select(p => RunAsync(scheduler, p, order)).ToList();
        Assert.All(waiting, t => Assert.False(t.IsCompleted));

        holder.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([WorkPriority.FirstPhraseFinal, WorkPriority.Final, WorkPriority.Streaming, WorkPriority.Partial], order);
    }

    [Fact]
    public async Task EnterAsync_SameClass_FirstComeFirstServed()
    {
        var scheduler = Create(concurrency: 1, reserved: 0);
        var holder = await Enter(scheduler, WorkPriority.Streaming);
        var first = Enter(scheduler, WorkPriority.Final);
        var second = Enter(scheduler, WorkPriority.Final);

        holder.Dispose();
        var granted = await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        granted.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_StreamingShareTaken_StreamingWaitsWhileAFinalPassTakesTheReservedSlot()
    {
        var scheduler = Create(concurrency: 2, reserved: 1);
        using var chunk = await Enter(scheduler, WorkPriority.Streaming);

        var nextChunk = Enter(scheduler, WorkPriority.Streaming);
        var partial = Enter(scheduler, WorkPriority.Partial);
        var final = Enter(scheduler, WorkPriority.Final);

        using var finalLease = await final.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.False(nextChunk.IsCompleted);
        Assert.False(partial.IsCompleted);
        Assert.Equal(1, scheduler.Queued(WorkPriority.Streaming));
        Assert.Equal(1, scheduler.Queued(WorkPriority.Partial));
        chunk.Dispose();
        (await nextChunk.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await partial.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_StreamingWaitedPastItsBound_GoesBeforeALaterFinalPass()
    {
        using var promoted = new MetricCollector<long>(_metrics.Meter, BabelcastMetrics.SchedulerPromotedInstrument);
        var scheduler = Create(concurrency: 1, reserved: 0, maxStreamingWaitMs: 250);
        var holder = await Enter(scheduler, WorkPriority.Final);
        var order = new List<WorkPriority>();
        var chunk = RunAsync(scheduler, WorkPriority.Streaming, order);
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        var final = RunAsync(scheduler, WorkPriority.FirstPhraseFinal, order);

        holder.Dispose();
        await Task.WhenAll(chunk, final).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([WorkPriority.Streaming, WorkPriority.FirstPhraseFinal], order);
        var count = Assert.Single(promoted.GetMeasurementSnapshot());
        Assert.True(count.MatchesTags(new KeyValuePair<string, object?>("work", "streaming")));
    }

    [Fact]
    public async Task EnterAsync_StreamingWithinItsBound_WaitsForTheFinalPass()
    {
        var scheduler = Create(concurrency: 1, reserved: 0, maxStreamingWaitMs: 250);
        var holder = await Enter(scheduler, WorkPriority.Final);
        var order = new List<WorkPriority>();
        var chunk = RunAsync(scheduler, WorkPriority.Streaming, order);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        var final = RunAsync(scheduler, WorkPriority.Final, order);

        holder.Dispose();
        await Task.WhenAll(chunk, final).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([WorkPriority.Final, WorkPriority.Streaming], order);
    }

    [Fact]
    public async Task EnterAsync_OverdueStreaming_TakesAFreeSlotBeyondTheStreamingShare()
    {
        var scheduler = Create(concurrency: 2, reserved: 1, maxStreamingWaitMs: 250);
        using var chunk = await Enter(scheduler, WorkPriority.Streaming);
        var late = Enter(scheduler, WorkPriority.Streaming);
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        // The next decision (a final pass arriving) finds the chunk overdue: it takes the free slot, the final pass waits.
        var final = Enter(scheduler, WorkPriority.Final);

        using var lateLease = await late.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.False(final.IsCompleted);
        Assert.Equal(2, scheduler.Running(WorkPriority.Streaming));
        chunk.Dispose();
        (await final.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_LaterFinalPastItsBound_GoesBeforeFirstPhraseFinals()
    {
        var scheduler = Create(concurrency: 1, reserved: 0, maxFinalWaitMs: 1000);
        var holder = await Enter(scheduler, WorkPriority.Streaming);
        var order = new List<WorkPriority>();
        var later = RunAsync(scheduler, WorkPriority.Final, order);
        _clock.Advance(TimeSpan.FromMilliseconds(1100));
        var first = RunAsync(scheduler, WorkPriority.FirstPhraseFinal, order);

        holder.Dispose();
        await Task.WhenAll(later, first).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([WorkPriority.Final, WorkPriority.FirstPhraseFinal], order);
    }

    [Fact]
    public async Task EnterAsync_TwoOverdue_TheOneDueFirstGoesFirst()
    {
        var scheduler = Create(concurrency: 1, reserved: 0, maxStreamingWaitMs: 250, maxFinalWaitMs: 1000);
        var holder = await Enter(scheduler, WorkPriority.Final);
        var order = new List<WorkPriority>();
        var final = RunAsync(scheduler, WorkPriority.Final, order); // due at 1000 ms
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var chunk = RunAsync(scheduler, WorkPriority.Streaming, order); // due at 750 ms
        _clock.Advance(TimeSpan.FromMilliseconds(1000));

        holder.Dispose();
        await Task.WhenAll(final, chunk).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([WorkPriority.Streaming, WorkPriority.Final], order);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesTheQueueAndTheNextWaiterGetsTheSlot()
    {
        var scheduler = Create(concurrency: 1, reserved: 0);
        var holder = await Enter(scheduler, WorkPriority.Final);
        using var cancel = new CancellationTokenSource();
        var cancelled = scheduler.EnterAsync(WorkPriority.Final, cancel.Token).AsTask();
        var next = Enter(scheduler, WorkPriority.Streaming);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(0, scheduler.Queued(WorkPriority.Final));
        holder.Dispose();
        using var lease = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, scheduler.Running(WorkPriority.Streaming));
        Assert.Equal(0, scheduler.Running(WorkPriority.Final));
    }

    [Fact]
    public async Task EnterAsync_TokenAlreadyCancelled_ThrowsAndTakesNoSlot()
    {
        var scheduler = Create(concurrency: 1, reserved: 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await scheduler.EnterAsync(WorkPriority.Final, new CancellationToken(canceled: true)));

        using var lease = await Enter(scheduler, WorkPriority.Streaming).WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesTheSlotOnce()
    {
        var scheduler = Create(concurrency: 1, reserved: 0);
        var lease = await Enter(scheduler, WorkPriority.Final);
        var first = Enter(scheduler, WorkPriority.Final);
        var second = Enter(scheduler, WorkPriority.Final);

        lease.Dispose();
        lease.Dispose();

        using var granted = await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        Assert.Equal(1, scheduler.Running(WorkPriority.Final));
    }

    [Fact]
    public async Task EnterAsync_Disabled_NeverWaits()
    {
        var scheduler = Create(concurrency: 1, reserved: 0, enabled: false);

        var leases = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Enter(scheduler, WorkPriority.Partial))).WaitAsync(TimeSpan.FromSeconds(1));

        Assert.All(leases, l => l.Dispose());
        Assert.Equal(0, scheduler.Running(WorkPriority.Partial));
    }

    [Fact]
    public async Task EnterAsync_ManyThreads_NeverMoreThanTheSlotsAndNoneLost()
    {
        var scheduler = Create(concurrency: 3, reserved: 1);
        var running = 0;
        var streamingRunning = 0;
        var peak = 0;
        var streamingPeak = 0;
        var done = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 300; i++)
            {
                var priority = (WorkPriority)((t + i) % 4);
                using (await scheduler.EnterAsync(priority, CancellationToken.None))
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref peak, now);
                    if (priority >= WorkPriority.Streaming)
                    {
                        InterlockedMax(ref streamingPeak, Interlocked.Increment(ref streamingRunning));
                    }

                    await Task.Yield();
                    if (priority >= WorkPriority.Streaming)
                    {
                        Interlocked.Decrement(ref streamingRunning);
                    }

                    Interlocked.Decrement(ref running);
                }

                Interlocked.Increment(ref done);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2400, done);
        Assert.InRange(peak, 1, 3);
        Assert.InRange(streamingPeak, 1, 2); // the clock never moves, so nothing is overdue: the share holds
        Assert.All(Enum.GetValues<WorkPriority>(), p => Assert.Equal((0, 0), (scheduler.Running(p), scheduler.Queued(p))));
    }

    [Fact]
    public async Task EnterAsync_Granted_WaitRecordedByClassAndQueueObserved()
    {
        using var waits = new MetricCollector<double>(_metrics.Meter, BabelcastMetrics.SchedulerWaitInstrument);
        using var queued = new MetricCollector<int>(_metrics.Meter, BabelcastMetrics.SchedulerQueuedInstrument);
        var scheduler = Create(concurrency: 1, reserved: 0);
        var holder = await Enter(scheduler, WorkPriority.Streaming);
        var final = Enter(scheduler, WorkPriority.FirstPhraseFinal);
        queued.RecordObservableInstruments();
        Assert.Equal(1, Assert.Single(queued.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("work", "first_final"))).Value);
        _clock.Advance(TimeSpan.FromMilliseconds(40));

        holder.Dispose();
        (await final.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        Assert.Equal(0, Assert.Single(waits.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("work", "streaming"))).Value);
        Assert.Equal(0.04, Assert.Single(waits.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("work", "first_final"))).Value, 6);
    }

    private static Task<WorkLease> Enter(WorkScheduler scheduler, WorkPriority priority) => scheduler.EnterAsync(priority, CancellationToken.None).AsTask();

    /// <summary>Fake work: notes its class when it gets its slot, then gives the slot back.</summary>
    private static async Task RunAsync(WorkScheduler scheduler, WorkPriority priority, List<WorkPriority> order)
    {
        using var lease = await scheduler.EnterAsync(priority, CancellationToken.None);
        lock (order)
        {
            order.Add(priority);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }

    private WorkScheduler Create(int concurrency, int reserved, int maxStreamingWaitMs = 250, int maxFinalWaitMs = 1000, bool enabled = true) =>
        new(Options.Create(new WorkSchedulerOptions
        {
            Enabled = enabled,
            Concurrency = concurrency,
            ReservedForFinal = reserved,
            MaxStreamingWaitMs = maxStreamingWaitMs,
            MaxFinalWaitMs = maxFinalWaitMs,
        }), _clock, _metrics, NullLogger<WorkScheduler>.Instance);
}
