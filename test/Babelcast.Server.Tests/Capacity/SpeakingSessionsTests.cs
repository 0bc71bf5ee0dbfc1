using Babelcast.Server.Capacity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Server.Tests.Capacity;

/// <summary>The admission rule on a fake clock: places are counted by session, kept for a reconnect, freed by an end.</summary>
public sealed class SpeakingSessionsTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TryAdmit_UpToTheLimit_AdmitsThenRefuses()
    {
        var speaking = Create(limit: 2);

        Assert.NotNull(speaking.TryAdmit("a"));
        Assert.NotNull(speaking.TryAdmit("b"));
        Assert.Null(speaking.TryAdmit("c"));
        Assert.True(speaking.IsFull);
    }

    [Fact]
    public void TryAdmit_SecondConnectionOfAnAdmittedSession_AdmittedOnAFullNode()
    {
        var speaking = Create(limit: 1);
        var first = speaking.TryAdmit("a");

        var takeover = speaking.TryAdmit("a");

        Assert.NotNull(first);
        Assert.NotNull(takeover);
        Assert.Equal(1, speaking.Count);
    }

    [Fact]
    public void TryAdmit_SpeakerDroppedWithinGrace_ReconnectAdmittedAndOthersRefused()
    {
        var speaking = Create(limit: 1, grace: TimeSpan.FromSeconds(30));
        speaking.TryAdmit("a")!.Release(sessionEnded: false);
        _clock.Advance(TimeSpan.FromSeconds(29));

        Assert.Null(speaking.TryAdmit("b"));
        Assert.NotNull(speaking.TryAdmit("a"));
    }

    [Fact]
    public void TryAdmit_SpeakerGonePastGrace_PlaceGoesToAnotherSession()
    {
        var speaking = Create(limit: 1, grace: TimeSpan.FromSeconds(30));
        speaking.TryAdmit("a")!.Release(sessionEnded: false);
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.NotNull(speaking.TryAdmit("b"));
        Assert.Null(speaking.TryAdmit("a"));
    }

    [Fact]
    public void Release_SessionEnded_PlaceFreedAtOnce()
    {
        var speaking = Create(limit: 1, grace: TimeSpan.FromMinutes(5));
        speaking.TryAdmit("a")!.Release(sessionEnded: true);

        Assert.Equal(0, speaking.Count);
        Assert.NotNull(speaking.TryAdmit("b"));
    }

    [Fact]
    public void Release_OldConnectionAfterATakeover_PlaceStaysWithTheNewOne()
    {
        var speaking = Create(limit: 1, grace: TimeSpan.Zero);
        var old = speaking.TryAdmit("a")!;
        var current = speaking.TryAdmit("a")!;

        old.Release(sessionEnded: false);
        old.Release(sessionEnded: false);

        Assert.Null(speaking.TryAdmit("b"));
        current.Release(sessionEnded: false);
        Assert.NotNull(speaking.TryAdmit("b"));
    }

    [Fact]
    public void Release_SessionEndedWhileAReplacedConnectionLingers_PlaceFreedAtOnce()
    {
        var speaking = Create(limit: 1);
        var replaced = speaking.TryAdmit("a")!;
        var current = speaking.TryAdmit("a")!;

        current.Release(sessionEnded: true);

        Assert.NotNull(speaking.TryAdmit("b"));
        replaced.Release(sessionEnded: false);
        Assert.Equal(1, speaking.Count);
    }

    [Fact]
    public void TryAdmit_ConcurrentSessionsForTheLastPlaces_ExactlyTheLimitAdmitted()
    {
        var speaking = Create(limit: 3);

        var admitted = Enumerable.Range(0, 64).AsParallel().Count(i => speaking.TryAdmit($"s{i}") is not null);

        Assert.Equal(3, admitted);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(5, 5)]
    public void EffectiveMaxSpeakingSessions_ZeroIsPerCoreTimesCores(int configured, int perCore)
    {
        var options = new CapacityOptions { MaxSpeakingSessions = configured, SpeakingSessionsPerCore = perCore };

        Assert.Equal(configured > 0 ? configured : perCore * Environment.ProcessorCount, options.EffectiveMaxSpeakingSessions);
    }

    private SpeakingSessions Create(int limit, TimeSpan? grace = null) =>
        new(Options.Create(new CapacityOptions { MaxSpeakingSessions = limit, SpeakerReconnectGrace = grace ?? TimeSpan.FromSeconds(30) }), _clock);
}
