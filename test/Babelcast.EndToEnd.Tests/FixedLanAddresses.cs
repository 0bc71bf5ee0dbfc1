using System.Net;
using Babelcast.Server.Venue;

namespace Babelcast.EndToEnd.Tests;

/// <summary>Synthetic LAN addresses (documentation ranges) for a server under test: the browser never connects to them.</summary>
internal sealed class FixedLanAddresses(params string[] addresses) : ILanAddresses
{
    private readonly IPAddress[] _addresses = addresses.Select(IPAddress.Parse).ToArray();

    public IReadOnlyList<IPAddress> Current() => _addresses;
}
