using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Capacity;

/// <summary>
/// The default <see cref="ILoadShedding"/>: a node-wide state machine over the worst pressure of each window.
/// Pressure is a report divided by its limit (1 = at the limit). <see cref="LoadSheddingOptions.RaiseAfterWindows"/>
/// windows in a row at or over 1 raise the level one step (steps at least
/// <see cref="LoadSheddingOptions.StepUpIntervalMs"/> apart, so that a step shows its effect first); calm
/// windows (under <see cref="LoadSheddingOptions.RecoverBelow"/>) for <see cref="LoadSheddingOptions.RecoverAfterMs"/>
/// lower it one step. Raising fast and recovering slowly is the hysteresis: a node near its limit does not flap.
/// A node with nothing to report is calm, so it recovers while idle.
/// </summary>
public sealed class LoadShedder : ILoadShedding
{
    /// <summary>A window over the limit at under this part of the one before is a backlog draining, not overload.</summary>
    private const double DrainingRatio = 0.75;

    private readonly LoadSheddingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LoadShedder> _logger;
    private readonly Lock _gate = new();
    private volatile int _level;
    private long _windowStart;
    private double _windowPressure;
    private PressureSource _windowSource;
    private long _lastRaise;
    private int _overWindows;
    private double _previousPressure;
    private bool _raised;
    private long _calmSince;
    private bool _calm;

    public LoadShedder(IOptions<LoadSheddingOptions> options, TimeProvider time, BabelcastMetrics metrics, ILogger<LoadShedder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _windowStart = time.GetTimestamp();
        metrics.ObserveShedding(this);
    }

    public ShedLevel Level => (ShedLevel)_level;

    public void ReportIngestLag(TimeSpan lag) => Report(lag.TotalMilliseconds / _options.IngestLagLimitMs, PressureSource.IngestLag);

    public void ReportFinalDelay(TimeSpan delay) => Report(delay.TotalMilliseconds / _options.FinalDelayLimitMs, PressureSource.FinalDelay);

    private void Report(double pressure, PressureSource source)
    {
        if (!_options.Enabled || _options.MaxLevel == 0)
        {
            return;
        }

        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (pressure > _windowPressure)
            {
                _windowPressure = pressure;
                _windowSource = source;
            }

            if (_time.GetElapsedTime(_windowStart, now).TotalMilliseconds < _options.WindowMs)
            {
                return;
            }

            Evaluate(_windowPressure, now);
            _windowPressure = 0;
            _windowStart = now;
        }
    }

    private void Evaluate(double pressure, long now)
    {
        var previous = _previousPressure;
        _previousPressure = pressure;
        if (pressure >= 1)
        {
            _calm = false;

            // A backlog that is clearly draining clears without help: shedding would cost accuracy for nothing.
            _overWindows = pressure < previous * DrainingRatio ? 0 : _overWindows + 1;
            if (_overWindows >= _options.RaiseAfterWindows && _level < _options.MaxLevel && (!_raised || _time.GetElapsedTime(_lastRaise, now).TotalMilliseconds >= _options.StepUpIntervalMs))
            {
                _raised = true;
                _lastRaise = now;
                _level++;
                Log.LevelRaised(_logger, (ShedLevel)_level, pressure, _windowSource);
            }

            return;
        }

        _overWindows = 0;
        if (pressure >= _options.RecoverBelow)
        {
            _calm = false;
            return;
        }

        if (!_calm)
        {
            // Calm since this window began (a long gap without reports was calm too).
            _calm = true;
            _calmSince = _windowStart;
        }

        if (_level > 0 && _time.GetElapsedTime(_calmSince, now).TotalMilliseconds >= _options.RecoverAfterMs)
        {
            _level--;
            _calmSince = now;
            Log.LevelLowered(_logger, (ShedLevel)_level);
        }
    }

    /// <summary>Which report set a window's pressure (the log says, so that an operator knows which limit to look at).</summary>
    internal enum PressureSource
    {
        IngestLag,
        FinalDelay,
    }
}
