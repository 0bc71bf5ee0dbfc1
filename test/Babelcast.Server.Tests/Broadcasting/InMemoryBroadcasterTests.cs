using Babelcast.Core.Broadcasting;
using Babelcast.Server.Broadcasting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Broadcasting;

/// <summary>The embedded bus delivers into this node's store; the presence reads the counts from it; the bus is chosen by name.</summary>
public sealed class InMemoryBroadcasterTests : IDisposable
{
    private readonly TestConnections _c = new();

    [Fact]
    public void SendToListeners_ALanguage_DeliveredToThatLanguageOnly()
    {
        var bus = new InMemoryBroadcaster(_c.Hub);
        var spanish = _c.Listen("a-session-1", "es");
        var secondSpanish = _c.Listen("a-session-1", "es");
        var catalan = _c.Listen("a-session-1", "ca");

        bus.SendToListeners("a-session-1", "es", TestConnections.Caption(1, "hola"));
        bus.SendToListeners("a-session-1", "ca", TestConnections.Caption(1, "hola ca"));
        bus.SendToListeners("b-session-2", "es", TestConnections.Caption(1, "elsewhere"));

        Assert.Equal(["hola"], _c.Written(spanish));
        Assert.Equal(["hola"], _c.Written(secondSpanish));
        Assert.Equal(["hola ca"], _c.Written(catalan));
    }

    [Fact]
    public async Task SendToSpeakerAllListenersAndEnd_ReachTheRightConnections()
    {
        var bus = new InMemoryBroadcaster(_c.Hub);
        var speaker = _c.Speak("a-session-1");
        var spanish = _c.Listen("a-session-1", "es");
        var french = _c.Listen("a-session-1", "fr");
        var otherSession = _c.Listen("b-session-2", "es");

        bus.SendToSpeaker("a-session-1", TestConnections.Text("transcript"));
        bus.SendToAllListeners("a-session-1", Delivery.Control(TestConnections.Text("muted")));
        bus.EndSession("a-session-1", TestConnections.Text("ended"));
        foreach (var connection in new[] { speaker, spanish, french })
        {
            await _c.ClosedAsync(connection);
        }

        Assert.Equal(["transcript", "ended", "close"], _c.Written(speaker));
        Assert.Equal(["muted", "ended", "close"], _c.Written(spanish));
        Assert.Equal(["muted", "ended", "close"], _c.Written(french));
        Assert.Empty(_c.Written(otherSession));
    }

    [Fact]
    public void Presence_ListenersJoinAndLeave_CountsFollow()
    {
        var presence = new LocalListenerPresence(_c.Hub);
        var spanish = _c.Listen("a-session-1", "es");
        _c.Listen("a-session-1", "es");
        _c.Listen("a-session-1", "ca");

        Assert.Equal(new Dictionary<string, int> { ["es"] = 2, ["ca"] = 1 }, presence.GetListenerCounts("a-session-1"));
        Assert.Equal(["ca", "es"], presence.GetListenerLanguages("a-session-1").Order());

        _c.Hub.Find("a-session-1")!.RemoveListener(spanish);

        Assert.Equal(new Dictionary<string, int> { ["es"] = 1, ["ca"] = 1 }, presence.GetListenerCounts("a-session-1"));
        Assert.Empty(presence.GetListenerLanguages("b-session-2"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("inproc")]
    [InlineData("InProc")]
    public void AddBabelcastBroadcasting_InProcessBus_RegistersTheEmbeddedBusAndPresence(string? bus)
    {
        using var services = Services(bus);

        Assert.IsType<InMemoryBroadcaster>(services.GetRequiredService<IBroadcaster>());
        Assert.IsType<LocalListenerPresence>(services.GetRequiredService<IListenerPresence>());
        Assert.Equal(bus ?? "inproc", services.GetRequiredService<IOptions<ClusterOptions>>().Value.Bus);
    }

    [Fact]
    public void AddBabelcastBroadcasting_UnknownBus_ValidationAndResolutionFailNamingTheKeyAndTheValidNames()
    {
        using var services = Services("carrier-pigeon");

        var validation = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClusterOptions>>().Value);
        var resolution = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IBroadcaster>());

        foreach (var message in new[] { validation.Message, resolution.Message })
        {
            Assert.Contains("Babelcast:Cluster:Bus", message, StringComparison.Ordinal);
            Assert.Contains("carrier-pigeon", message, StringComparison.Ordinal);
            Assert.Contains("inproc", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("inproc", "gateway", "needs Babelcast:Cluster:Bus = redis")]
    [InlineData("inproc", "worker", "needs Babelcast:Cluster:Bus = redis")]
    [InlineData("redis", "janitor", "'janitor' is not a known role; valid: all, gateway, worker")]
    public void AddBabelcastBroadcasting_ImpossibleRole_StopsTheStartNamingTheKey(string bus, string role, string expected)
    {
        using var services = Services(bus, role);

        var validation = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClusterOptions>>().Value);

        Assert.Contains("Babelcast:Cluster:Role", validation.Message, StringComparison.Ordinal);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(string? bus, string? role = null)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        if (bus is not null)
        {
            settings.Add(new("Babelcast:Cluster:Bus", bus));
        }

        if (role is not null)
        {
            settings.Add(new("Babelcast:Cluster:Role", role));
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<Babelcast.Server.WebSockets.IConnectionStore>(_c.Hub);
        services.AddBabelcastBroadcasting(configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose() => _c.Dispose();
}
