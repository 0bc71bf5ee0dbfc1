using System.Net;
using System.Net.Sockets;

namespace Babelcast.Server.Hosting;

/// <summary>Strict parsing of proxy addresses and networks, shared by the validator and the forwarded-headers setup.</summary>
internal static class ReverseProxyAddresses
{
    /// <summary>
    /// An IPv4 address in four dotted parts or an IPv6 address. IPAddress.TryParse alone also takes "10" or "10.1"
    /// (as 0.0.0.10 and 10.0.0.1), which an operator never means.
    /// </summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>A network such as 10.0.0.0/8 or fd00::/8; the address must have no bits set beyond the prefix.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParseAddress(text[..slash], out var address))
        {
            return false;
        }

        // IPNetwork.TryParse masks "10.0.0.1/8" to 10.0.0.0/8; an address with host bits is more likely a typo.
        return IPNetwork.TryParse(text, out network) && network.BaseAddress.Equals(address);
    }
}
