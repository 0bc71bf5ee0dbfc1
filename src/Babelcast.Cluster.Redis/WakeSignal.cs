namespace Babelcast.Cluster.Redis;

/// <summary>
/// A wake-up that is never missed: a signal given while nobody waits is kept for the next wait. Waits end on a signal
/// or after an interval, whichever comes first.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _current = NewSource();

    public void Set() => Volatile.Read(ref _current).TrySetResult();

    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = Volatile.Read(ref _current);
        try
        {
            await source.Task.WaitAsync(interval, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The interval is the safety net for a lost message.
        }

        if (source.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _current, NewSource(), source);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
