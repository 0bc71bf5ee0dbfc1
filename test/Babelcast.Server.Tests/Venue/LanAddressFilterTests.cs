using System.Net;
using System.Net.NetworkInformation;
using Babelcast.Server.Venue;

namespace Babelcast.Server.Tests.Venue;

public sealed class LanAddressFilterTests
{
    [Fact]
    public void Select_TypicalLaptop_OnlyTheRoomsAddressesIPv4First()
    {
        NetworkInterfaceInfo[] interfaces =
        [
            Nic("lo", NetworkInterfaceType.Loopback, true, "127.0.0.1", "::1"),
            Nic("wlp2s0", NetworkInterfaceType.Wireless80211, true, "fe80::1c2:3ff:fe4:5", "2001:db8::23", "192.168.1.23"),
            Nic("docker0", NetworkInterfaceType.Ethernet, true, "172.17.0.1"),
            Nic("veth9f3a2b1", NetworkInterfaceType.Ethernet, true, "169.254.10.2"),
            Nic("br-5e2f", NetworkInterfaceType.Ethernet, true, "172.18.0.1"),
            Nic("virbr0", NetworkInterfaceType.Ethernet, true, "192.168.122.1"),
            Nic("tun0", NetworkInterfaceType.Unknown, true, "10.8.0.2"),
            Nic("wg0", NetworkInterfaceType.Unknown, true, "10.66.0.2"),
            Nic("enp3s0", NetworkInterfaceType.Ethernet, false, "192.168.50.2"),
        ];

        var selected = LanAddressFilter.Select(interfaces);

        Assert.Equal([IPAddress.Parse("192.168.1.23"), IPAddress.Parse("2001:db8::23")], selected);
    }

    [Theory]
    [InlineData("docker0")]
    [InlineData("DOCKER_gwbridge")]
    [InlineData("veth1234")]
    [InlineData("vEthernet (WSL)")]
    [InlineData("br-0a1b2c3d")]
    [InlineData("virbr1")]
    [InlineData("vboxnet0")]
    [InlineData("vmnet8")]
    [InlineData("tap0")]
    [InlineData("tun1")]
    [InlineData("tailscale0")]
    [InlineData("zt5u4y6x")]
    [InlineData("cni0")]
    [InlineData("podman1")]
    public void Select_VirtualInterfaceByName_Skipped(string name)
    {
        Assert.Empty(LanAddressFilter.Select([Nic(name, NetworkInterfaceType.Ethernet, true, "10.20.30.40")]));
    }

    [Theory]
    [InlineData("eth0", NetworkInterfaceType.Ethernet)]
    [InlineData("wlan0", NetworkInterfaceType.Wireless80211)]
    [InlineData("br0", NetworkInterfaceType.Ethernet)]
    [InlineData("enx00e04c680001", NetworkInterfaceType.Unknown)]
    [InlineData("Wi-Fi", NetworkInterfaceType.Wireless80211)]
    public void Select_RealInterface_Kept(string name, NetworkInterfaceType type)
    {
        Assert.Equal([IPAddress.Parse("10.20.30.40")], LanAddressFilter.Select([Nic(name, type, true, "10.20.30.40")]));
    }

    [Theory]
    [InlineData(NetworkInterfaceType.Loopback)]
    [InlineData(NetworkInterfaceType.Tunnel)]
    public void Select_LoopbackOrTunnelType_SkippedWhateverTheName(NetworkInterfaceType type)
    {
        Assert.Empty(LanAddressFilter.Select([Nic("eth7", type, true, "10.20.30.40")]));
    }

    [Fact]
    public void Select_InterfaceDown_Skipped()
    {
        Assert.Empty(LanAddressFilter.Select([Nic("eth0", NetworkInterfaceType.Ethernet, false, "192.168.1.9")]));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("169.254.0.1")]
    [InlineData("169.254.255.254")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.251")]
    [InlineData("ff02::fb")]
    [InlineData("::ffff:192.168.1.5")]
    public void Select_UnusableAddress_Skipped(string address)
    {
        Assert.Empty(LanAddressFilter.Select([Nic("eth0", NetworkInterfaceType.Ethernet, true, address)]));
    }

    [Theory]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("fec0::1")]
    [InlineData("fd00::2")]
    [InlineData("203.0.113.5")]
    public void Select_NeighbourOfASkippedRange_Kept(string address)
    {
        Assert.Equal([IPAddress.Parse(address)], LanAddressFilter.Select([Nic("eth0", NetworkInterfaceType.Ethernet, true, address)]));
    }

    [Fact]
    public void Select_Order_IPv4ThenPhysicalThenSystemOrder()
    {
        NetworkInterfaceInfo[] interfaces =
        [
            Nic("usb0", NetworkInterfaceType.Unknown, true, "fd00::9", "10.0.0.9"),
            Nic("eth1", NetworkInterfaceType.Ethernet, true, "fd00::1", "10.0.0.1"),
            Nic("wlan0", NetworkInterfaceType.Wireless80211, true, "10.0.0.2", "10.0.0.3"),
        ];

        var selected = LanAddressFilter.Select(interfaces).Select(a => a.ToString());

        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.9", "fd00::1", "fd00::9"], selected);
    }

    [Fact]
    public void Select_SameAddressOnTwoInterfaces_ListedOnce()
    {
        var selected = LanAddressFilter.Select(
        [
            Nic("eth0", NetworkInterfaceType.Ethernet, true, "10.1.1.1"),
            Nic("eth0:1", NetworkInterfaceType.Ethernet, true, "10.1.1.1"),
        ]);

        Assert.Single(selected);
    }

    [Fact]
    public void Select_NoInterfaces_Empty()
    {
        Assert.Empty(LanAddressFilter.Select([]));
    }

    internal static NetworkInterfaceInfo Nic(string name, NetworkInterfaceType type, bool up, params string[] addresses) =>
        new(name, type, up, addresses.Select(IPAddress.Parse).ToArray());
}
