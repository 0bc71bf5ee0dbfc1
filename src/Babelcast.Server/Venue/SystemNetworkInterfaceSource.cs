using System.Net.NetworkInformation;

namespace Babelcast.Server.Venue;

/// <summary>Reads the interfaces from the operating system.</summary>
internal sealed class SystemNetworkInterfaceSource : INetworkInterfaceSource
{
    public IReadOnlyList<NetworkInterfaceInfo> Read() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Select(static nic => new NetworkInterfaceInfo(
                nic.Name,
                nic.NetworkInterfaceType,
                IsUp(nic.OperationalStatus),
                nic.GetIPProperties().UnicastAddresses.Select(static u => u.Address).ToArray()))
            .ToArray();

    // Linux reports "unknown" for an interface whose driver does not report a carrier (some Wi-Fi and USB adapters):
    // such an interface with an address is in use, so only a definite "down" state excludes it.
    private static bool IsUp(OperationalStatus status) => status is OperationalStatus.Up or OperationalStatus.Unknown;
}
