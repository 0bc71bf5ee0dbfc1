using System.Collections.Concurrent;
using Babelcast.Engines.Apertium.Routing;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Apertium.Pipelines;

/// <summary>One <see cref="ApertiumPipeline"/> per mode, and a sweeper that stops idle ones.</summary>
internal sealed class PipelinePool : IDisposable
{
    private readonly ConcurrentDictionary<string, ApertiumPipeline> _pipelines = new(StringComparer.Ordinal);
    private readonly string? _commandOverride;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITimer _sweeper;
    private volatile bool _disposed;

    public PipelinePool(string? commandOverride, TimeSpan idleTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _commandOverride = string.IsNullOrWhiteSpace(commandOverride) ? null : commandOverride;
        _idleTimeout = idleTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        var period = TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerMinute));
        _sweeper = timeProvider.CreateTimer(_ => Sweep(), null, period, period);
    }

    public IReadOnlyCollection<string> ActiveModes =>
        _pipelines.Values.Where(p => p.IsRunning).Select(p => p.Mode).Order(StringComparer.Ordinal).ToList();

    public ApertiumPipeline Get(ApertiumMode mode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pipeline = _pipelines.GetOrAdd(mode.Name, static (_, state) => new ApertiumPipeline(state.mode,
            state.pool._commandOverride, state.pool._timeProvider, state.pool._logger), (mode, pool: this));
        if (_disposed)
        {
            // Added after Dispose swept the dictionary: nobody else will dispose it.
            pipeline.Dispose();
        }

        return pipeline;
    }

    public ApertiumPipeline? Find(string modeName) => _pipelines.GetValueOrDefault(modeName);

    public void Dispose()
    {
        _disposed = true;
        _sweeper.Dispose();
        foreach (var pipeline in _pipelines.Values)
        {
            pipeline.Dispose();
        }
    }

    private void Sweep()
    {
        foreach (var pipeline in _pipelines.Values)
        {
            if (pipeline.StopIfIdle(_idleTimeout))
            {
                Log.PipelineIdleStopped(_logger, pipeline.Mode, _idleTimeout.TotalSeconds);
            }
        }
    }
}
