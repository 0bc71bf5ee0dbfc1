using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Babelcast.Server.Venue;

/// <summary>Reads the network interfaces of this machine; skips loopback, link-local and interfaces that are down.</summary>
internal sealed class SystemLanAddresses : ILanAddresses
{
    public IReadOnlyList<IPAddress> Current() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(static nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(static nic => nic.GetIPProperties().UnicastAddresses.Select(static u => u.Address))
            .Where(static a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal && !IsIPv4LinkLocal(a))
            .OrderBy(static a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .ToArray();

    private static bool IsIPv4LinkLocal(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, ..];
}
