using System.ComponentModel;
using Babelcast.Engines.Apertium.Routing;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Apertium.Pipelines;

/// <summary>The warm pipeline of one mode: started on first use, one request at a time, restarted
/// and the phrase retried once when the process dies, killed when a request times out or it idles.</summary>
internal sealed class ApertiumPipeline : IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ApertiumMode _mode;
    private readonly string? _commandOverride;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private PipelineProcess? _process;
    private long _lastUsed;
    private volatile bool _warm;
    private volatile bool _disposed;

    public ApertiumPipeline(ApertiumMode mode, string? commandOverride, TimeProvider timeProvider, ILogger logger)
    {
        _mode = mode;
        _commandOverride = commandOverride;
        _timeProvider = timeProvider;
        _logger = logger;
        _lastUsed = timeProvider.GetTimestamp();
    }

    public string Mode => _mode.Name;

    public bool IsRunning => Volatile.Read(ref _process) is { HasExited: false };

    /// <summary>The process id (and process group id) of the running pipeline, if any.</summary>
    public int? ProcessId => Volatile.Read(ref _process)?.Id;

    /// <summary>Translates one phrase. Throws OperationCanceledException when the budget runs out or the
    /// caller cancels (the pipeline is killed then: its stream is mid-reply; a phrase that hung is not retried,
    /// the next request starts a fresh process); returns null when the process failed twice.</summary>
    /// <param name="text">The phrase to translate.</param>
    /// <param name="budget">The time the request may take, extended when the pipeline has to start.</param>
    /// <param name="cancellationToken">The caller's token linked with <see cref="RequestBudget.Token"/>.</param>
    public async Task<string?> TranslateAsync(string text, RequestBudget budget, CancellationToken cancellationToken)
    {
        // Whoever is first, this request waits for a start: its own or that of the request ahead of it.
        if (!_warm)
        {
            budget.ExtendForStartup();
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                try
                {
#pragma warning disable CA2000 // _process owns the pipeline; Stop and Dispose end it
                    var process = EnsureStarted(budget, attempt);
#pragma warning restore CA2000
                    var reply = await process.ExchangeAsync(text, cancellationToken);
                    _lastUsed = _timeProvider.GetTimestamp();
                    _warm = true;
                    return reply;
                }
                catch (OperationCanceledException)
                {
                    // Its stream is mid-reply and it may be wedged: no grace.
                    Stop("request timed out or was cancelled", graceful: false);
                    throw;
                }
                catch (Exception e) when (e is IOException or Win32Exception or InvalidOperationException && !_disposed)
                {
                    Log.PipelineFailed(_logger, _mode.Name, attempt, e);
                    Stop("failed");
                    if (attempt >= 2)
                    {
                        return null;
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the process if unused for <paramref name="idleTimeout"/> and not busy right now.</summary>
    public bool StopIfIdle(TimeSpan idleTimeout)
    {
        if (Volatile.Read(ref _process) is null || _timeProvider.GetElapsedTime(_lastUsed) < idleTimeout || !_gate.Wait(0))
        {
            return false;
        }

        try
        {
            Stop("idle");
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills the running process (tests use this to simulate a crash); the next request restarts it.</summary>
    public void Kill() => Stop("killed on request", graceful: false);

    public void Dispose()
    {
        _disposed = true;
        Stop("disposed");
    }

    private PipelineProcess EnsureStarted(RequestBudget budget, int attempt)
    {
        if (_process is { } running)
        {
            if (!running.HasExited)
            {
                return running;
            }

            Log.PipelineExited(_logger, _mode.Name, running.Id);
            Stop("exited");
        }

        if (attempt > 1)
        {
            budget.ExtendForStartup();
        }

        var started = _timeProvider.GetTimestamp();
        var process = PipelineProcess.Start(_mode, _commandOverride, _logger);
        Volatile.Write(ref _process, process);
        if (_disposed)
        {
            // Dispose ran while this process was starting: it must not outlive the translator.
            Stop("disposed");
            throw new ObjectDisposedException(nameof(ApertiumPipeline));
        }

        Log.PipelineStarted(_logger, _mode.Name, process.Id, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return process;
    }

    private void Stop(string reason, bool graceful = true)
    {
        _warm = false;
        if (Interlocked.Exchange(ref _process, null) is { } process)
        {
            process.Close(graceful ? StopGrace : TimeSpan.Zero);
            Log.PipelineStopped(_logger, _mode.Name, process.Id, reason);
        }
    }
}
