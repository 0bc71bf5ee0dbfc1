using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Capacity;

/// <summary>
/// The node-wide gate in front of recognition work: at most <see cref="Concurrency"/> pieces run at once (one per core),
/// and when more wait, the most urgent <see cref="WorkPriority"/> goes first (first-phrase final passes, then other
/// final passes, then streaming chunks, then partial translations; first come first served within a class). Streaming
/// and partial work share <see cref="StreamingSlots"/> of the slots (all unless some are reserved for final passes).
/// It is not preemptive: a piece of work, once started, runs to its end. Nothing starves: a waiter that has waited past
/// its class's bound (<see cref="WorkSchedulerOptions.MaxStreamingWaitMs"/>, <see cref="WorkSchedulerOptions.MaxFinalWaitMs"/>)
/// goes before every waiter not yet overdue, and may take any free slot; overdue waiters go in the order they fell due.
/// The gate runs nothing itself: the caller holds a <see cref="WorkLease"/> while its work runs, on its own thread.
/// </summary>
public sealed class WorkScheduler
{
    private const int Classes = 4;

    private readonly LinkedList<Waiter>[] _queues = [new(), new(), new(), new()];
    private readonly int[] _running = new int[Classes];
    private readonly long[] _bounds = new long[Classes];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly BabelcastMetrics _metrics;
    private readonly ILogger<WorkScheduler> _logger;
    private int _busy;
    private int _streamingBusy;

    public WorkScheduler(IOptions<WorkSchedulerOptions> options, TimeProvider time, BabelcastMetrics metrics, ILogger<WorkScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        var o = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        Enabled = o.Enabled;
        Concurrency = o.EffectiveConcurrency(Environment.ProcessorCount);
        StreamingSlots = o.StreamingSlots(Environment.ProcessorCount);
        _bounds[(int)WorkPriority.FirstPhraseFinal] = long.MaxValue; // the top class: nothing to be promoted over
        _bounds[(int)WorkPriority.Final] = Ticks(o.MaxFinalWaitMs);
        _bounds[(int)WorkPriority.Streaming] = Ticks(o.MaxStreamingWaitMs);
        _bounds[(int)WorkPriority.Partial] = Ticks(o.MaxStreamingWaitMs);
        metrics.ObserveScheduler(this);
        Log.SchedulerReady(logger, Enabled, Concurrency, StreamingSlots, o.MaxStreamingWaitMs, o.MaxFinalWaitMs);
    }

    public bool Enabled { get; }

    public int Concurrency { get; }

    public int StreamingSlots { get; }

    /// <summary>Pieces of work of <paramref name="priority"/> waiting for a slot now.</summary>
    public int Queued(WorkPriority priority)
    {
        lock (_gate)
        {
            return _queues[(int)priority].Count;
        }
    }

    /// <summary>Pieces of work of <paramref name="priority"/> holding a slot now.</summary>
    public int Running(WorkPriority priority)
    {
        lock (_gate)
        {
            return _running[(int)priority];
        }
    }

    /// <summary>
    /// Waits for a slot in priority order; dispose the lease when the work is done. Cancelling gives up the place in
    /// the queue (a lease granted as the token fires is still returned: dispose it).
    /// </summary>
    public ValueTask<WorkLease> EnterAsync(WorkPriority priority, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return ValueTask.FromResult(WorkLease.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            if (NothingWaiting() && Fits(priority, overdue: false))
            {
                Take(priority);
                _metrics.SchedulerWaited(priority, 0);
#pragma warning disable CA2000 // the caller owns the lease and gives it back
                return ValueTask.FromResult(new WorkLease(this, priority));
#pragma warning restore CA2000
            }

            waiter = new Waiter(this, priority, _time.GetTimestamp());
            waiter.Node = _queues[(int)priority].AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                // Registered under the gate, before a grant can unregister it (the gate is re-entrant if it fires now).
                waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Owner.Cancel((Waiter)state!, token), waiter);
            }

            Dispatch();
        }

        return new ValueTask<WorkLease>(waiter.Completion.Task);
    }

    internal void Release(WorkPriority priority)
    {
        lock (_gate)
        {
            _busy--;
            _running[(int)priority]--;
            if (IsStreaming(priority))
            {
                _streamingBusy--;
            }

            Dispatch();
        }
    }

    private static bool IsStreaming(WorkPriority priority) => priority >= WorkPriority.Streaming;

    private long Ticks(int milliseconds) => milliseconds * _time.TimestampFrequency / 1000;

    private bool NothingWaiting() => _queues[0].Count + _queues[1].Count + _queues[2].Count + _queues[3].Count == 0;

    /// <summary>Whether work of this class may take a slot now; overdue work needs only a free slot.</summary>
    private bool Fits(WorkPriority priority, bool overdue) =>
        _busy < Concurrency && (overdue || !IsStreaming(priority) || _streamingBusy < StreamingSlots);

    private void Take(WorkPriority priority)
    {
        _busy++;
        _running[(int)priority]++;
        if (IsStreaming(priority))
        {
            _streamingBusy++;
        }
    }

    /// <summary>Grants free slots to waiters, in order, while any fits. Runs under the gate.</summary>
    private void Dispatch()
    {
        var now = _time.GetTimestamp();
        while (_busy < Concurrency && Next(now) is { } next)
        {
            var (waiter, overdue) = next;
            _queues[(int)waiter.Priority].Remove(waiter.Node!);
            waiter.Node = null;
            Take(waiter.Priority);
            var waited = _time.GetElapsedTime(waiter.Enqueued, now);
            _metrics.SchedulerWaited(waiter.Priority, waited.TotalSeconds);
            if (overdue)
            {
                _metrics.SchedulerPromoted(waiter.Priority);
                Log.WorkPromoted(_logger, waiter.Priority, waited.TotalMilliseconds);
            }
            else if (!IsStreaming(waiter.Priority))
            {
                Log.FinalWaited(_logger, waiter.Priority, waited.TotalMilliseconds, _busy - 1);
            }

            // Unregister, not Dispose: Dispose would wait for a running Cancel, which waits for this gate.
            waiter.Registration.Unregister();
#pragma warning disable CA2000 // the waiter's caller owns the lease (a waiter still queued is never completed by anyone else)
            waiter.Completion.TrySetResult(new WorkLease(this, waiter.Priority));
#pragma warning restore CA2000
        }
    }

    /// <summary>The waiter to run next: the earliest-due overdue head, else the head of the most urgent class that fits.</summary>
    private (Waiter Waiter, bool Overdue)? Next(long now)
    {
        Waiter? due = null;
        var dueAt = long.MaxValue;
        for (var c = 0; c < Classes; c++)
        {
            if (_queues[c].First is { } head && _bounds[c] != long.MaxValue)
            {
                var at = head.Value.Enqueued + _bounds[c];
                if (at <= now && at < dueAt)
                {
                    (due, dueAt) = (head.Value, at);
                }
            }
        }

        if (due is not null)
        {
            return (due, true);
        }

        for (var c = 0; c < Classes; c++)
        {
            if (_queues[c].First is { } head && Fits((WorkPriority)c, overdue: false))
            {
                return (head.Value, false);
            }
        }

        return null;
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_gate)
        {
            if (waiter.Node is null)
            {
                return; // granted first: the caller gets the lease and gives it back
            }

            _queues[(int)waiter.Priority].Remove(waiter.Node);
            waiter.Node = null;
            // A streaming waiter may have been the one blocking nothing; a final one leaving may let streaming in.
            Dispatch();
        }

        waiter.Completion.TrySetCanceled(token);
    }

    private sealed class Waiter(WorkScheduler owner, WorkPriority priority, long enqueued)
    {
        public WorkScheduler Owner { get; } = owner;

        public WorkPriority Priority { get; } = priority;

        public long Enqueued { get; } = enqueued;

        public TaskCompletionSource<WorkLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
