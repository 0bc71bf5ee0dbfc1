using System.Net;
using Babelcast.Server.Venue;

namespace Babelcast.Server.Tests.Venue;

/// <summary>Synthetic LAN addresses (documentation ranges): nothing in a test ever connects to them.</summary>
internal sealed class FixedLanAddresses(params string[] addresses) : ILanAddresses
{
    private readonly IPAddress[] _addresses = addresses.Select(IPAddress.Parse).ToArray();

    public IReadOnlyList<IPAddress> Current() => _addresses;
}
