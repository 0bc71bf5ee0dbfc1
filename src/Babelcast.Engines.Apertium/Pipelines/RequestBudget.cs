namespace Babelcast.Engines.Apertium.Pipelines;

/// <summary>The time one translation may take: the request timeout, extended by the start-up allowance
/// when a pipeline on its route has to load (cat-fra needs 0.7 s idle, several seconds on a busy machine).</summary>
internal sealed class RequestBudget : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly Lock _lock = new();

    public RequestBudget(TimeSpan timeout, TimeSpan startupAllowance, TimeProvider timeProvider)
    {
        Total = timeout;
        StartupAllowance = startupAllowance;
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
        _timeout = new CancellationTokenSource(timeout, timeProvider);
    }

    public TimeSpan Total { get; private set; }

    public TimeSpan StartupAllowance { get; }

    /// <summary>Cancelled when the budget runs out.</summary>
    public CancellationToken Token => _timeout.Token;

    /// <summary>Adds the start-up allowance because a pipeline is (re)starting for or before this request.</summary>
    public void ExtendForStartup()
    {
        lock (_lock)
        {
            if (_timeout.IsCancellationRequested)
            {
                return;
            }

            Total += StartupAllowance;
            var remaining = Total - _timeProvider.GetElapsedTime(_started);
            _timeout.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }
    }

    public void Dispose() => _timeout.Dispose();
}
