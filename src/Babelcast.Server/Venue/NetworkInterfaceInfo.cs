using System.Net;
using System.Net.NetworkInformation;

namespace Babelcast.Server.Venue;

/// <summary>What LAN detection needs to know about one network interface (a test builds these by hand).</summary>
/// <param name="Name">The operating system's name, e.g. <c>eth0</c>, <c>wlp2s0</c>, <c>docker0</c>.</param>
/// <param name="Type">The interface type as .NET reports it.</param>
/// <param name="IsUp">Whether the interface carries traffic now.</param>
/// <param name="Addresses">Its unicast addresses, in the order the system lists them.</param>
public sealed record NetworkInterfaceInfo(string Name, NetworkInterfaceType Type, bool IsUp, IReadOnlyList<IPAddress> Addresses);
