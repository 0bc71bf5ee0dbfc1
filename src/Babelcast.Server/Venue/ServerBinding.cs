using System.Net;

namespace Babelcast.Server.Venue;

/// <summary>One address Kestrel listens on (as <c>IServerAddressesFeature</c> reports it), classified for the LAN.</summary>
internal sealed record ServerBinding(string Scheme, string Host, int Port, ServerBindingScope Scope)
{
    public static ServerBinding? Parse(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return null;
        }

        if (parsed.IsUnixPipe || parsed.IsNamedPipe)
        {
            return null;
        }

        var host = parsed.Host;
        var scope = host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? ServerBindingScope.AllInterfaces
            : JoinHosts.IsLoopback(host) ? ServerBindingScope.Loopback
            : ServerBindingScope.Address;
        return new ServerBinding(parsed.Scheme, host, parsed.Port, scope);
    }

    /// <summary>Whether a phone on the LAN can connect to some address of this binding.</summary>
    public bool ReachableFromLan => Scope != ServerBindingScope.Loopback;

    /// <summary>Whether a connection to <paramref name="address"/> reaches this binding (0.0.0.0 takes IPv4 only).</summary>
    public bool Accepts(IPAddress address) => Scope switch
    {
        ServerBindingScope.AllInterfaces => Host != "0.0.0.0" || address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork,
        // A host name binding (rare) cannot be compared with an address: assume it covers it.
        ServerBindingScope.Address => !JoinHosts.TryParseAddress(Host, out var bound) || bound.Equals(address),
        _ => false,
    };

    public string Url(string host) => $"{Scheme}://{host}:{Port}/";
}
