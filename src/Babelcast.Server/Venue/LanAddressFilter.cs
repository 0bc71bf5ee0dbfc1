using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Babelcast.Server.Venue;

/// <summary>
/// Which interfaces and addresses phones in the room can reach, best first. The rule (also in docs/deployment.md):
/// an interface counts when it is up, is not loopback or a tunnel by type, and its name does not start with a prefix of
/// virtual networking (containers, VM bridges, VPNs; <see cref="VirtualNamePrefixes"/>); an address counts when it is
/// IPv4 or IPv6 unicast and not loopback, link-local (169.254/16, fe80::/10), unspecified or multicast. Order: IPv4
/// before IPv6, Ethernet and Wi-Fi before other types, then the system's own order.
/// </summary>
internal static class LanAddressFilter
{
    /// <summary>Case-insensitive name prefixes of virtual interfaces (a plain <c>br0</c> host bridge is kept).</summary>
    public static readonly IReadOnlyList<string> VirtualNamePrefixes =
    [
        "docker", "veth", "br-", "virbr", "vboxnet", "vmnet", "lxcbr", "lxdbr", "podman", "cni", "flannel", "cali",
        "weave", "kube", "tun", "tap", "wg", "tailscale", "zt", "utun", "ham", "vnet", "ifb", "dummy",
    ];

    public static IReadOnlyList<IPAddress> Select(IEnumerable<NetworkInterfaceInfo> interfaces) =>
        interfaces
            .Select(static (nic, index) => (Nic: nic, Index: index))
            .Where(static x => IsCandidate(x.Nic))
            .SelectMany(static x => x.Nic.Addresses.Where(IsUsable).Select(a => (Address: a, x.Nic, x.Index)))
            .OrderBy(static x => x.Address.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .ThenBy(static x => IsPhysical(x.Nic.Type) ? 0 : 1)
            .ThenBy(static x => x.Index)
            .Select(static x => x.Address)
            .Distinct()
            .ToArray();

    public static bool IsCandidate(NetworkInterfaceInfo nic) =>
        nic.IsUp && nic.Type is not (NetworkInterfaceType.Loopback or NetworkInterfaceType.Tunnel) && !IsVirtualName(nic.Name);

    public static bool IsVirtualName(string name) =>
        VirtualNamePrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static bool IsUsable(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.Any)
            && address.GetAddressBytes() is not ([169, 254, ..] or [>= 224, ..]),
        AddressFamily.InterNetworkV6 => !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.IPv6Any)
            && !address.IsIPv6LinkLocal && !address.IsIPv6Multicast && !address.IsIPv4MappedToIPv6,
        _ => false,
    };

    private static bool IsPhysical(NetworkInterfaceType type) => type is NetworkInterfaceType.Ethernet or NetworkInterfaceType.Wireless80211
        or NetworkInterfaceType.GigabitEthernet or NetworkInterfaceType.FastEthernetT or NetworkInterfaceType.FastEthernetFx;
}
