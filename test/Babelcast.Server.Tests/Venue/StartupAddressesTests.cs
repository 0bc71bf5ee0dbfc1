using System.Net;
using Babelcast.Server.Hosting;

namespace Babelcast.Server.Tests.Venue;

public sealed class StartupAddressesTests
{
    private static readonly IPAddress[] Lan = [IPAddress.Parse("192.168.1.23"), IPAddress.Parse("2001:db8::23")];

    [Fact]
    public void From_AllIPv4Interfaces_LocalSpeakerAndIPv4JoinLinks()
    {
        var addresses = StartupAddresses.From(["http://0.0.0.0:5080"], Lan, null);

        Assert.Equal(["http://127.0.0.1:5080/"], addresses.Speaker);
        Assert.Equal(["http://192.168.1.23:5080/join/<session id>"], addresses.Listeners);
        Assert.False(addresses.LoopbackOnly);
        Assert.False(addresses.NoLanAddress);
        Assert.Null(addresses.Public);
    }

    [Theory]
    [InlineData("http://[::]:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://*:5080")]
    public void From_DualStackWildcard_JoinLinksForBothFamilies(string bound)
    {
        var addresses = StartupAddresses.From([bound], Lan, null);

        Assert.Equal(["http://192.168.1.23:5080/join/<session id>", "http://[2001:db8::23]:5080/join/<session id>"], addresses.Listeners);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    public void From_LoopbackOnly_NoJoinLinksAndSaysSo(string bound, string speaker)
    {
        var addresses = StartupAddresses.From([bound], Lan, null);

        Assert.Equal([speaker], addresses.Speaker);
        Assert.Empty(addresses.Listeners);
        Assert.True(addresses.LoopbackOnly);
        Assert.Equal(5080, addresses.Port);
    }

    [Fact]
    public void From_OneLanAddress_ThatAddressForBoth()
    {
        var addresses = StartupAddresses.From(["http://192.168.1.23:5080"], Lan, null);

        Assert.Equal(["http://192.168.1.23:5080/"], addresses.Speaker);
        Assert.Equal(["http://192.168.1.23:5080/join/<session id>"], addresses.Listeners);
        Assert.False(addresses.LoopbackOnly);
    }

    [Fact]
    public void From_WildcardWithoutLanAddress_Flagged()
    {
        var addresses = StartupAddresses.From(["http://0.0.0.0:5080"], [], null);

        Assert.Empty(addresses.Listeners);
        Assert.True(addresses.NoLanAddress);
        Assert.False(addresses.LoopbackOnly);
    }

    [Fact]
    public void From_PublicBaseUrlAndSecondPort_EveryAddressListed()
    {
        var addresses = StartupAddresses.From(["http://0.0.0.0:5080", "https://0.0.0.0:5443"], [IPAddress.Parse("10.0.0.5")], "https://talks.example.org/live/");

        Assert.Equal(["http://127.0.0.1:5080/", "https://127.0.0.1:5443/"], addresses.Speaker);
        Assert.Equal(["https://10.0.0.5:5443/"], addresses.RemoteSpeaker);
        Assert.Equal(["http://10.0.0.5:5080/join/<session id>"], addresses.Listeners);
        Assert.Equal("https://talks.example.org/live/join/<session id>", addresses.Public);
    }

    [Fact]
    public void From_HttpsOnlyOnTheLan_ListenersUseHttps()
    {
        var addresses = StartupAddresses.From(["http://127.0.0.1:5080", "https://0.0.0.0:5443"], [IPAddress.Parse("10.0.0.5")], null);

        Assert.Equal(["https://10.0.0.5:5443/"], addresses.RemoteSpeaker);
        Assert.Equal(["https://10.0.0.5:5443/join/<session id>"], addresses.Listeners);
    }
}
