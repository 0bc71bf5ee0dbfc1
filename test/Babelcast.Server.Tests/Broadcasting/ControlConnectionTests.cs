using Babelcast.Server.Broadcasting;

namespace Babelcast.Server.Tests.Broadcasting;

/// <summary>
/// A session's control connections on one node: what goes "to the speaker" reaches the owner's connection and every
/// co-operator's; a revocation closes exactly the named user's; a runtime with only co-operators is kept.
/// </summary>
public sealed class ControlConnectionTests : IDisposable
{
    private readonly TestConnections _c = new();

    [Fact]
    public async Task SendToSpeaker_ReachesOwnerAndEveryCoOperator_RevokeClosesOnlyTheNamedUser()
    {
        var bus = new InMemoryBroadcaster(_c.Hub);
        var owner = _c.Speak("a-session-1");
        var desk = _c.Operate("a-session-1", "desk");
        var second = _c.Operate("a-session-1", "second");
        var elsewhere = _c.Operate("b-session-2", "desk");
        var listener = _c.Listen("a-session-1", "es");

        bus.SendToSpeaker("a-session-1", TestConnections.Text("transcript"));
        bus.RevokeOperator("a-session-1", "desk", TestConnections.Text("revoked"));
        await _c.ClosedAsync(desk);

        Assert.Equal(["transcript"], _c.Written(owner));
        Assert.Equal(["transcript", "revoked", "close"], _c.Written(desk));
        Assert.Equal(["transcript"], _c.Written(second));
        Assert.Empty(_c.Written(elsewhere)); // the same user in another session is untouched
        Assert.Empty(_c.Written(listener));
    }

    [Fact]
    public async Task OnlyCoOperators_RuntimeKeptUntilTheLastLeaves_EndReachesThem()
    {
        var desk = _c.Operate("a-session-1", "desk");
        var runtime = _c.Hub.Find("a-session-1")!;

        _c.Hub.RemoveIfIdle(runtime);
        Assert.Same(runtime, _c.Hub.Find("a-session-1"));

        new InMemoryBroadcaster(_c.Hub).EndSession("a-session-1", TestConnections.Text("ended"));
        await _c.ClosedAsync(desk);
        Assert.Equal(["ended", "close"], _c.Written(desk));
        Assert.Null(_c.Hub.Find("a-session-1"));

        var other = _c.Operate("b-session-2", "desk");
        var otherRuntime = _c.Hub.Find("b-session-2")!;
        Assert.True(otherRuntime.RemoveOperator(other));
        _c.Hub.RemoveIfIdle(otherRuntime);
        Assert.Null(_c.Hub.Find("b-session-2"));
    }

    public void Dispose() => _c.Dispose();
}
