using System.Net;
using System.Net.Sockets;

namespace Babelcast.Server.Venue;

/// <summary>Host name helpers for join links: loopback detection and URL formatting of addresses.</summary>
internal static class JoinHosts
{
    /// <summary>localhost (and *.localhost), 127.0.0.0/8, ::1, and the unspecified addresses no phone can use.</summary>
    public static bool IsLoopback(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return TryParseAddress(host, out var address)
            && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
    }

    /// <summary>Parses an IP literal as it appears in a Host header (IPv6 in brackets) or in a binding.</summary>
    public static bool TryParseAddress(string host, out IPAddress address)
    {
        var literal = host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var parsed) && (parsed.AddressFamily == AddressFamily.InterNetwork || literal.Contains(':', StringComparison.Ordinal)))
        {
            address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    /// <summary>The host part of a URL for <paramref name="address"/> (IPv6 in brackets).</summary>
    public static string Format(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
