using Babelcast.Core.Broadcasting;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Tests.Broadcasting;

/// <summary>This node's connection store: listeners by session and language, their counts, delivery and removal.</summary>
public sealed class ConnectionStoreTests : IDisposable
{
    private readonly TestConnections _c = new();

    [Fact]
    public void AddListener_TwoLanguagesTwoSessions_CountsPerSessionAndLanguage()
    {
        _c.Listen("a-session-1", "es");
        _c.Listen("a-session-1", "es");
        _c.Listen("a-session-1", "ca");
        _c.Listen("b-session-2", "fr");

        Assert.Equal(new Dictionary<string, int> { ["es"] = 2, ["ca"] = 1 }, _c.Hub.ListenerCounts("a-session-1"));
        Assert.Equal(["ca", "es"], _c.Hub.ListenerLanguages("a-session-1").Order());
        Assert.Equal(["fr"], _c.Hub.ListenerLanguages("b-session-2"));
        Assert.Empty(_c.Hub.ListenerCounts("unknown-session-3"));
        Assert.Equal(new Dictionary<string, int> { ["es"] = 2, ["ca"] = 1, ["fr"] = 1 }, _c.Hub.ListenersByLanguage());
    }

    [Fact]
    public void DeliverToListeners_OneLanguage_OnlyThatLanguageOfThatSessionGetsIt()
    {
        var spanish = _c.Listen("a-session-1", "es");
        var catalan = _c.Listen("a-session-1", "ca");
        var otherSession = _c.Listen("b-session-2", "es");

        _c.Hub.DeliverToListeners("a-session-1", "es", TestConnections.Caption(1, "hola"));

        Assert.Equal(["hola"], _c.Written(spanish));
        Assert.Empty(_c.Written(catalan));
        Assert.Empty(_c.Written(otherSession));
    }

    [Fact]
    public void DeliverToAllListenersAndSpeaker_ReachEveryListenerOfTheSessionAndOnlyTheSpeaker()
    {
        var speaker = _c.Speak("a-session-1");
        var spanish = _c.Listen("a-session-1", "es");
        var catalan = _c.Listen("a-session-1", "ca");

        _c.Hub.DeliverToAllListeners("a-session-1", Delivery.Control(TestConnections.Text("paused")));
        _c.Hub.DeliverToSpeaker("a-session-1", TestConnections.Text("status"));

        Assert.Equal(["paused"], _c.Written(spanish));
        Assert.Equal(["paused"], _c.Written(catalan));
        Assert.Equal(["status"], _c.Written(speaker));
    }

    [Fact]
    public void RemoveListener_LastOfItsLanguage_LanguageGoneAndIdleRuntimeForgotten()
    {
        var spanish = _c.Listen("a-session-1", "es");
        var catalan = _c.Listen("a-session-1", "ca");
        var runtime = _c.Hub.Find("a-session-1")!;

        Assert.True(runtime.RemoveListener(spanish));
        _c.Hub.RemoveIfIdle(runtime);

        Assert.Equal(["ca"], _c.Hub.ListenerLanguages("a-session-1"));
        _c.Hub.DeliverToListeners("a-session-1", "es", TestConnections.Caption(1, "hola"));
        Assert.Empty(_c.Written(spanish));
        Assert.Same(runtime, _c.Hub.Find("a-session-1"));

        runtime.RemoveListener(catalan);
        _c.Hub.RemoveIfIdle(runtime);

        Assert.Null(_c.Hub.Find("a-session-1"));
        Assert.Empty(_c.Hub.SessionIds);
        Assert.Empty(_c.Hub.ListenerCounts("a-session-1"));
    }

    [Fact]
    public void ChangeLanguage_Listener_CountedAndDeliveredInTheNewLanguageOnly()
    {
        var listener = _c.Listen("a-session-1", "es");

        _c.Hub.Find("a-session-1")!.ChangeLanguage(listener, "fr");
        _c.Hub.DeliverToListeners("a-session-1", "es", TestConnections.Caption(1, "hola"));
        _c.Hub.DeliverToListeners("a-session-1", "fr", TestConnections.Caption(1, "salut"));

        Assert.Equal(new Dictionary<string, int> { ["fr"] = 1 }, _c.Hub.ListenerCounts("a-session-1"));
        Assert.Equal(["salut"], _c.Written(listener));
    }

    [Fact]
    public async Task EndSession_Connected_EveryoneGetsTheFrameThenCloseAndTheRuntimeIsForgotten()
    {
        var speaker = _c.Speak("a-session-1");
        var listener = _c.Listen("a-session-1", "es");

        Assert.True(_c.Hub.EndSession("a-session-1", TestConnections.Text("ended")));
        await _c.ClosedAsync(listener);
        await _c.ClosedAsync(speaker);

        Assert.Equal(["ended", "close"], _c.Written(listener));
        Assert.Equal(["ended", "close"], _c.Written(speaker));
        Assert.Null(_c.Hub.Find("a-session-1"));
        Assert.Empty(_c.Hub.ListenerCounts("a-session-1"));
        Assert.False(_c.Hub.EndSession("b-session-2", TestConnections.Text("ended")));
    }

    [Fact]
    public void AddListener_ToARuntimeThatEnded_RefusedAsEnded()
    {
        var runtime = _c.Hub.GetOrAdd(TestConnections.Session("a-session-1"));
        runtime.MarkEnded();

        var (_, result) = _c.Hub.AddListener(TestConnections.Session("a-session-1"), _c.Open("a-session-1", "es", "listen"), 100);

        Assert.Equal(JoinResult.Ended, result);
    }

    [Fact]
    public void AddListener_AtTheCap_RefusedAndNotCounted()
    {
        _c.Listen("a-session-1", "es", cap: 1);
        var second = _c.Open("a-session-1", "es", "listen");

        var (_, result) = _c.Hub.AddListener(TestConnections.Session("a-session-1"), second, 1);

        Assert.Equal(JoinResult.Full, result);
        Assert.Equal(new Dictionary<string, int> { ["es"] = 1 }, _c.Hub.ListenerCounts("a-session-1"));
    }

    public void Dispose() => _c.Dispose();
}
