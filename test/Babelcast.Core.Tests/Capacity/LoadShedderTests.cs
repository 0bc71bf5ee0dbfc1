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
/// The shedding state machine on a fake clock: windows of 1 s, limits 500 ms (ingest) and 1500 ms (final), a step up
/// after 3 windows in a row over a limit (not draining), steps at least 3 s apart, one step down after 15 s calm (under
/// half the limits). The defaults differ in two values (1000 ms, calm under the limits), tested on their own.
/// </summary>
public sealed class LoadShedderTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Report_LagUnderTheLimit_StaysNormal()
    {
        var shedder = Create();

        Drive(shedder, TimeSpan.FromMilliseconds(450), seconds: 60);

        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void Report_IngestLagOverTheLimit_RaisesOneStepPerIntervalUpToTheTop()
    {
        var shedder = Create();

        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 2);
        Assert.Equal(ShedLevel.Normal, shedder.Level);
        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 1);
        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);

        // Still overloaded, but a step must show its effect first.
        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 2);
        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);
        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 1);
        Assert.Equal(ShedLevel.ReducedFinal, shedder.Level);

        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 30);
        Assert.Equal(ShedLevel.StreamingFinal, shedder.Level);
    }

    [Fact]
    public void Report_LateFinalsInThreeWindowsInARow_RaiseTheLevel()
    {
        var shedder = Create();
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 0.5);

        shedder.ReportFinalDelay(TimeSpan.FromMilliseconds(1600));
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 0.6);
        shedder.ReportFinalDelay(TimeSpan.FromMilliseconds(1600));
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 1);
        Assert.Equal(ShedLevel.Normal, shedder.Level);
        shedder.ReportFinalDelay(TimeSpan.FromMilliseconds(1600));
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 1);

        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);
    }

    [Fact]
    public void Report_SpikesBetweenPunctualWindows_NeverRaise()
    {
        var shedder = Create();

        for (var i = 0; i < 30; i++)
        {
            Drive(shedder, TimeSpan.FromSeconds(3), seconds: 1);
            Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 1);
        }

        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void Report_BacklogDrainingWindowByWindow_NeverRaises()
    {
        var shedder = Create();

        // Over the limit in every window, but each window under three quarters of the one before: catching up.
        foreach (var lagMs in new[] { 6000, 4000, 2700, 1800, 1200, 800, 550 })
        {
            Drive(shedder, TimeSpan.FromMilliseconds(lagMs), seconds: 1);
        }

        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void Report_Defaults_WaitsUnderASecondNeverRaise_AndWindowsUnderTheLimitsAreCalm()
    {
        var shedder = Create(new LoadSheddingOptions());
        Drive(shedder, TimeSpan.FromMilliseconds(900), seconds: 30);
        Assert.Equal(ShedLevel.Normal, shedder.Level);

        Drive(shedder, TimeSpan.FromMilliseconds(1200), seconds: 3);
        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);

        // 0.9 of the limit: calm by default, so one step down after 15 s.
        Drive(shedder, TimeSpan.FromMilliseconds(900), seconds: 14);
        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);
        Drive(shedder, TimeSpan.FromMilliseconds(900), seconds: 2);
        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void Report_RaiseAfterOneWindow_OneLateFinalRaises()
    {
        var shedder = Create(new LoadSheddingOptions { RaiseAfterWindows = 1, RecoverBelow = 0.5 });
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 0.5);

        shedder.ReportFinalDelay(TimeSpan.FromMilliseconds(1600));
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 0.6);

        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);
    }

    [Fact]
    public void Report_CalmAfterOverload_RecoversOneStepPerCalmPeriod()
    {
        var shedder = Create();
        Drive(shedder, TimeSpan.FromSeconds(1), seconds: 10);
        Assert.Equal(ShedLevel.StreamingFinal, shedder.Level);

        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 14);
        Assert.Equal(ShedLevel.StreamingFinal, shedder.Level);
        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 2);
        Assert.Equal(ShedLevel.ReducedFinal, shedder.Level);
        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 15);
        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);
        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 15);
        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void Report_PressureBetweenCalmAndLimit_HoldsTheLevel()
    {
        var shedder = Create();
        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 3);

        // 300 ms is 0.6 of the limit: not overloaded, not calm either (the hysteresis band).
        Drive(shedder, TimeSpan.FromMilliseconds(300), seconds: 120);

        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);
    }

    [Fact]
    public void Report_CalmInterruptedByOneBusyWindow_CalmPeriodStartsOver()
    {
        var shedder = Create();
        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 3);

        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 10);
        Drive(shedder, TimeSpan.FromMilliseconds(300), seconds: 1);
        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 10);
        Assert.Equal(ShedLevel.ThinPartials, shedder.Level);

        Drive(shedder, TimeSpan.FromMilliseconds(50), seconds: 6);
        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void Report_IdleNodeAfterOverload_FirstReportAfterTheGapRecovers()
    {
        var shedder = Create();
        Drive(shedder, TimeSpan.FromMilliseconds(600), seconds: 3);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Drive(shedder, TimeSpan.FromMilliseconds(10), seconds: 1);

        Assert.Equal(ShedLevel.Normal, shedder.Level);
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 1)]
    [InlineData(true, 0)]
    public void Report_Overloaded_NeverPassesDisabledOrMaxLevel(bool enabled, int maxLevel)
    {
        var shedder = Create(new LoadSheddingOptions { Enabled = enabled, MaxLevel = maxLevel });

        Drive(shedder, TimeSpan.FromSeconds(5), seconds: 60);

        Assert.Equal(enabled ? (ShedLevel)maxLevel : ShedLevel.Normal, shedder.Level);
    }

    [Fact]
    public void ShedLevelGauge_ReadsTheShedder_AtCollection()
    {
        var metrics = new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>());
        using var gauge = new MetricCollector<int>(metrics.Meter, BabelcastMetrics.ShedLevelInstrument);
        var shedder = new LoadShedder(Options.Create(new LoadSheddingOptions()), _clock, metrics, NullLogger<LoadShedder>.Instance);
        gauge.RecordObservableInstruments();
        Assert.Equal(0, gauge.LastMeasurement!.Value);

        Drive(shedder, TimeSpan.FromSeconds(1), seconds: 3);
        gauge.RecordObservableInstruments();

        Assert.Equal(1, gauge.LastMeasurement!.Value);
    }

    [Fact]
    public void Options_RecoverFasterThanAWindow_AreInvalid()
    {
        var options = new LoadSheddingOptions { WindowMs = 2000, RecoverAfterMs = 1000 };

        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    private LoadShedder Create(LoadSheddingOptions? options = null) =>
        new(Options.Create(options ?? new LoadSheddingOptions { IngestLagLimitMs = 500, RecoverBelow = 0.5 }), _clock, new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>()),
            NullLogger<LoadShedder>.Instance);

    /// <summary>One ingest report per 100 ms frame for <paramref name="seconds"/>, as a speaking session makes them.</summary>
    private void Drive(LoadShedder shedder, TimeSpan lag, double seconds)
    {
        for (var i = 0; i < (int)Math.Round(seconds * 10); i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            shedder.ReportIngestLag(lag);
        }
    }
}
