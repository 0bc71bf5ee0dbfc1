using System.Net;
using Babelcast.Server.Venue;

namespace Babelcast.Server.Hosting;

/// <summary>
/// What the start-up banner prints, from the addresses Kestrel listens on and the detected LAN addresses, the way
/// development servers print their Local and Network URLs.
/// </summary>
/// <param name="Speaker">Speaker page URLs: loopback on this machine, or the one address the server is bound to.</param>
/// <param name="RemoteSpeaker">HTTPS speaker page URLs on LAN addresses, for a microphone on another machine.</param>
/// <param name="Listeners">
/// Join links (with a <c>&lt;session id&gt;</c> placeholder) that phones on the LAN can open: plain HTTP when the server
/// serves it on the LAN (listeners need no HTTPS, and would meet a self-signed certificate's warning), else HTTPS.
/// </param>
/// <param name="Public">The join link under <c>Babelcast:PublicBaseUrl</c>, if set.</param>
/// <param name="LoopbackOnly">Every binding is loopback: no phone can connect.</param>
/// <param name="NoLanAddress">The server listens on all interfaces but none of them has a usable LAN address.</param>
/// <param name="Port">The port to suggest for serving the LAN (the first binding's).</param>
internal sealed record StartupAddresses(
    IReadOnlyList<string> Speaker, IReadOnlyList<string> RemoteSpeaker, IReadOnlyList<string> Listeners, string? Public, bool LoopbackOnly, bool NoLanAddress, int? Port)
{
    public const string JoinPath = "join/<session id>";

    public static StartupAddresses From(IEnumerable<string> boundAddresses, IReadOnlyList<IPAddress> lan, string? publicBaseUrl)
    {
        var bindings = boundAddresses.Select(ServerBinding.Parse).OfType<ServerBinding>().ToArray();
        var speaker = new List<string>();
        var listeners = new List<string>();
        var secure = new List<string>();
        foreach (var binding in bindings)
        {
            switch (binding.Scope)
            {
                case ServerBindingScope.AllInterfaces:
                    speaker.Add(binding.Url("127.0.0.1"));
                    (binding.Scheme == "https" ? secure : listeners).AddRange(lan.Where(binding.Accepts).Select(a => binding.Url(JoinHosts.Format(a))));
                    break;
                case ServerBindingScope.Loopback:
                    speaker.Add(binding.Url(binding.Host));
                    break;
                default:
                    speaker.Add(binding.Url(binding.Host));
                    (binding.Scheme == "https" ? secure : listeners).Add(binding.Url(binding.Host));
                    break;
            }
        }

        var publicJoin = string.IsNullOrWhiteSpace(publicBaseUrl) ? null : publicBaseUrl.Trim().TrimEnd('/') + "/" + JoinPath;
        return new StartupAddresses(
            speaker.Distinct(StringComparer.Ordinal).ToArray(),
            secure.Distinct(StringComparer.Ordinal).ToArray(),
            (listeners.Count > 0 ? listeners : secure).Distinct(StringComparer.Ordinal).Select(static u => u + JoinPath).ToArray(),
            publicJoin,
            LoopbackOnly: bindings.Length > 0 && bindings.All(static b => !b.ReachableFromLan),
            NoLanAddress: bindings.Any(static b => b.Scope == ServerBindingScope.AllInterfaces) && lan.Count == 0,
            Port: bindings.Length > 0 ? bindings[0].Port : null);
    }
}
