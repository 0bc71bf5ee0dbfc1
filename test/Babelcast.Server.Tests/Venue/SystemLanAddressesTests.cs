using System.Net;
using System.Net.NetworkInformation;
using Babelcast.Server.Venue;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Server.Tests.Venue;

public sealed class SystemLanAddressesTests
{
    [Fact]
    public void Current_WithinFiveSeconds_ReadsTheInterfacesOnceThenAgain()
    {
        var source = new ScriptedSource();
        var clock = new FakeTimeProvider();
        var addresses = new SystemLanAddresses(source, clock);

        source.Address = "192.168.1.23";
        Assert.Equal([IPAddress.Parse("192.168.1.23")], addresses.Current());
        source.Address = "10.0.0.7";
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal([IPAddress.Parse("192.168.1.23")], addresses.Current());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([IPAddress.Parse("10.0.0.7")], addresses.Current());
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public void Current_RealMachine_NoLoopbackOrLinkLocal()
    {
        var addresses = new SystemLanAddresses(new SystemNetworkInterfaceSource(), TimeProvider.System).Current();

        Assert.DoesNotContain(addresses, a => IPAddress.IsLoopback(a) || a.IsIPv6LinkLocal || a.GetAddressBytes() is [169, 254, ..]);
    }

    private sealed class ScriptedSource : INetworkInterfaceSource
    {
        public string Address { get; set; } = "192.0.2.1";

        public int Reads { get; private set; }

        public IReadOnlyList<NetworkInterfaceInfo> Read()
        {
            Reads++;
            return [new NetworkInterfaceInfo("eth0", NetworkInterfaceType.Ethernet, true, [IPAddress.Parse(Address)])];
        }
    }
}
