using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Core.Tests.Pipeline;

public sealed class PhraseClockTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Snapshot_StagesMarkedAfterSpeechEnd_ReportsMillisecondsSinceSpeechEnd()
    {
        var first = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(2));
        var clock = new PhraseClock(_time, first, _time.GetTimestamp());

        _time.Advance(TimeSpan.FromMilliseconds(120));
        clock.Mark("recognised");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        clock.Mark("translated");
        _time.Advance(TimeSpan.FromMilliseconds(40.26));
        clock.Mark("synthesised");

        var snapshot = clock.Snapshot();
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(120, snapshot["recognised"]);
        Assert.Equal(125, snapshot["translated"]);
        Assert.Equal(165.3, snapshot["synthesised"]);
    }

    [Fact]
    public void Mark_SameStageTwice_KeepsFirstTime()
    {
        var clock = new PhraseClock(_time, _time.GetTimestamp(), _time.GetTimestamp());
        _time.Advance(TimeSpan.FromMilliseconds(10));
        clock.Mark("audioSent");
        _time.Advance(TimeSpan.FromMilliseconds(90));

        clock.Mark("audioSent");

        Assert.Equal(10, clock.Snapshot()["audioSent"]);
    }

    [Fact]
    public void ElapsedMs_ClockMoves_FollowsTheClock()
    {
        var clock = new PhraseClock(_time, _time.GetTimestamp(), _time.GetTimestamp());
        Assert.Equal(0, clock.ElapsedMs());

        _time.Advance(TimeSpan.FromMilliseconds(750));

        Assert.Equal(750, clock.ElapsedMs());
    }

    [Fact]
    public void MillisecondsSinceSpeechEnd_TimestampBeforeSpeechEnd_IsNegative()
    {
        var first = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(3));
        var clock = new PhraseClock(_time, first, _time.GetTimestamp());

        Assert.Equal(-3000, clock.MillisecondsSinceSpeechEnd(clock.FirstReceived));
        Assert.Equal(0, clock.MillisecondsSinceSpeechEnd(clock.SpeechEnd));
        Assert.Same(_time, clock.Time);
    }

    [Fact]
    public async Task Mark_ManyStagesInParallel_KeepsEveryStage()
    {
        var clock = new PhraseClock(_time, _time.GetTimestamp(), _time.GetTimestamp());
        _time.Advance(TimeSpan.FromMilliseconds(42));

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => clock.Mark($"stage{i % 16}"))));

        var snapshot = clock.Snapshot();
        Assert.Equal(16, snapshot.Count);
        Assert.All(snapshot.Values, v => Assert.Equal(42, v));
    }
}
