namespace Babelcast.Core.Tests.Fakes;

/// <summary>A thread-safe count that a test can wait on instead of sleeping.</summary>
internal sealed class Counter
{
    private readonly Lock _gate = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> _waiters = [];
    private int _value;

    public int Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    public void Increment()
    {
        lock (_gate)
        {
            _value++;
            foreach (var w in _waiters.Where(w => w.Target <= _value).ToList())
            {
                w.Reached.TrySetResult();
                _waiters.Remove(w);
            }
        }
    }

    /// <summary>True once the count reaches <paramref name="target"/>, false if <paramref name="within"/> passes first.</summary>
    public async Task<bool> ReachesAsync(int target, TimeSpan within)
    {
        Task reached;
        lock (_gate)
        {
            if (_value >= target)
            {
                return true;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, tcs));
            reached = tcs.Task;
        }

        return await Task.WhenAny(reached, Task.Delay(within)) == reached;
    }
}
