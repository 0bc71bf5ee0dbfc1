using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Babelcast.Server.Https;

/// <summary>Declares a url on Kestrel the way Kestrel itself binds a url, and picks where the HTTPS port listens.</summary>
internal static class ListenAddress
{
    public const string AnyHost = "*";
    public const string Localhost = "localhost";

    public static void Listen(KestrelServerOptions options, BindingAddress address, HttpsConnectionAdapterOptions? tls)
    {
        if (address.PathBase.Length > 0)
        {
            throw new InvalidOperationException($"A path base cannot be part of a url ('{address}'); use Babelcast:PublicBaseUrl behind a proxy.");
        }

        Action<ListenOptions> configure = l =>
        {
            if (tls is not null)
            {
                l.UseHttps(tls);
            }
        };
        if (address.IsUnixPipe)
        {
            options.ListenUnixSocket(address.UnixPipePath, configure);
        }
        else if (address.IsNamedPipe)
        {
            options.ListenNamedPipe(address.NamedPipeName, configure);
        }
        else
        {
            switch (Host(address))
            {
                case AnyHost:
                    options.ListenAnyIP(address.Port, configure);
                    break;
                case Localhost:
                    options.ListenLocalhost(address.Port, configure);
                    break;
                case var ip:
                    options.Listen(IPAddress.Parse(ip), address.Port, configure);
                    break;
            }
        }
    }

    /// <summary>
    /// Where the HTTPS port listens, given the urls: every interface (<see cref="AnyHost"/>) when any url does, else
    /// the same loopback or specific addresses; loopback when no url is a TCP address (e.g. a Unix socket).
    /// </summary>
    public static IReadOnlyList<string> HttpsHosts(IEnumerable<BindingAddress> addresses)
    {
        var hosts = addresses.Where(static a => !a.IsUnixPipe && !a.IsNamedPipe).Select(Host)
            .Select(static h => h is "0.0.0.0" or "::" ? AnyHost : h)
            .Distinct(StringComparer.Ordinal).ToList();
        if (hosts.Count == 0)
        {
            return [Localhost];
        }

        if (hosts.Contains(AnyHost))
        {
            return [AnyHost];
        }

        if (hosts.Contains(Localhost))
        {
            hosts.RemoveAll(static h => h is "127.0.0.1" or "::1");
        }

        return hosts;
    }

    /// <summary><see cref="AnyHost"/>, <see cref="Localhost"/> or an IP address; a host name binds every interface, as in Kestrel.</summary>
    private static string Host(BindingAddress address)
    {
        var host = address.Host.Trim('[', ']');
        if (string.Equals(host, Localhost, StringComparison.OrdinalIgnoreCase))
        {
            return Localhost;
        }

        return IPAddress.TryParse(host, out var ip) ? ip.ToString() : AnyHost;
    }
}
