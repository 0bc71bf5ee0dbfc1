namespace Babelcast.Core.Capacity;

/// <summary>
/// A slot of the <see cref="WorkScheduler"/>, held while one piece of work runs; disposing gives it back (once, however
/// often it is disposed).
/// </summary>
public sealed class WorkLease : IDisposable
{
    /// <summary>The lease of a scheduler that is turned off: holds nothing.</summary>
    internal static readonly WorkLease None = new(null, WorkPriority.Final);

    private readonly WorkScheduler? _owner;
    private int _released;

    internal WorkLease(WorkScheduler? owner, WorkPriority priority)
    {
        _owner = owner;
        Priority = priority;
    }

    public WorkPriority Priority { get; }

    public void Dispose()
    {
        if (_owner is not null && Interlocked.Exchange(ref _released, 1) == 0)
        {
            _owner.Release(Priority);
        }
    }
}
