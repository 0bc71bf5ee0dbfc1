using System.Net;
using Babelcast.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Venue;

/// <summary>
/// Where join links and QR codes point, best first: <c>Babelcast:PublicBaseUrl</c> if set; else the request's host
/// when it is not loopback and is one of ours (<see cref="RequestHostTrust"/>); else every detected LAN address with
/// the request's scheme and port. A loopback origin only when no LAN address exists, so a QR code made on the
/// server's own screen works on a phone. When the server listens beyond loopback, only the LAN addresses it listens
/// on count (0.0.0.0 takes no IPv6 connection, so an IPv6 link would not work).
/// </summary>
internal sealed class JoinOrigins(
    ILanAddresses lan, RequestHostTrust trust, IOptionsMonitor<BabelcastOptions> options, IServer server, TimeProvider time, ILogger<JoinOrigins> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _warningLock = new();
    private long? _lastWarning;

    /// <summary>The origin a join link uses when the speaker has not chosen one.</summary>
    public JoinOrigin Default(HttpRequest request) => Candidates(request)[0];

    /// <summary>Every origin a join link may use for this request, best first; never empty.</summary>
    public IReadOnlyList<JoinOrigin> Candidates(HttpRequest request)
    {
        var origins = new List<JoinOrigin>();
        var configured = options.CurrentValue.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            origins.Add(new JoinOrigin(configured.Trim().TrimEnd('/'), JoinOrigin.Configured));
        }

        var bindings = LanBindings();
        var host = request.Host;
        var port = host.Port;
        JoinOrigin local;
        if (JoinHosts.IsLoopback(host.Host ?? string.Empty))
        {
            local = new JoinOrigin(Build(request, host.Value ?? "localhost"), JoinOrigin.Local);
        }
        else if (trust.IsTrusted(request))
        {
            var plain = JoinHosts.TryParseAddress(host.Host ?? string.Empty, out var hostAddress) ? PlainHttp(request, hostAddress, bindings) : null;
            origins.Add(new JoinOrigin(plain ?? Build(request, host.Value!), JoinOrigin.Request));
            local = origins[^1];
        }
        else
        {
            // A foreign Host: its port is the client's word too, so the fallback uses the port the connection arrived on.
            WarnUntrusted(host.Value ?? string.Empty);
            var connection = request.HttpContext.Connection;
            port = connection.LocalPort > 0 ? connection.LocalPort : null;
            var arrivedOn = connection.LocalIpAddress is { } a ? JoinHosts.Format(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a) : "localhost";
            local = new JoinOrigin(Build(request, WithPort(arrivedOn, port)), JoinOrigin.Local);
        }

        var lanCount = 0;
        foreach (var address in Listened(lan.Current(), bindings))
        {
            origins.Add(new JoinOrigin(LanOrigin(request, address, port, bindings), JoinOrigin.Lan));
            lanCount++;
        }

        if (lanCount == 0 && !origins.Contains(local))
        {
            origins.Add(local);
        }

        return origins.DistinctBy(static o => o.Origin, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>The candidate equal to <paramref name="origin"/> (case and a trailing slash aside), or null.</summary>
    public JoinOrigin? Find(HttpRequest request, string origin)
    {
        var wanted = origin.Trim().TrimEnd('/');
        return Candidates(request).FirstOrDefault(o => string.Equals(o.Origin, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private ServerBinding[] LanBindings() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(ServerBinding.Parse)
            .OfType<ServerBinding>()
            .Where(static b => b.ReachableFromLan)
            .ToArray();

    // Loopback only (or not started): no link works from a phone; offer the addresses, the page says why.
    private static IEnumerable<IPAddress> Listened(IReadOnlyList<IPAddress> addresses, ServerBinding[] bindings) =>
        bindings.Length == 0 ? addresses : addresses.Where(a => bindings.Any(b => b.Accepts(a)));

    /// <summary>
    /// A speaker page opened over HTTPS (the built-in port, for the microphone) still gives phones plain HTTP when the
    /// server serves it on that address: listeners need no HTTPS, and a LAN address rarely has a certificate that
    /// phones trust, so an https link would greet every listener with a certificate warning.
    /// </summary>
    private static string LanOrigin(HttpRequest request, IPAddress address, int? port, ServerBinding[] bindings) =>
        PlainHttp(request, address, bindings) ?? Build(request, WithPort(JoinHosts.Format(address), port));

    private static string? PlainHttp(HttpRequest request, IPAddress address, ServerBinding[] bindings)
    {
        var plain = request.IsHttps ? bindings.FirstOrDefault(b => b.Scheme == "http" && b.Accepts(address)) : null;
        return plain is null ? null : $"http://{WithPort(JoinHosts.Format(address), plain.Port)}{request.PathBase.Value}";
    }

    private static string Build(HttpRequest request, string hostAndPort) => $"{request.Scheme}://{hostAndPort}{request.PathBase.Value}";

    private static string WithPort(string host, int? port) => port is { } p ? $"{host}:{p.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : host;

    private void WarnUntrusted(string host)
    {
        lock (_warningLock)
        {
            var now = time.GetTimestamp();
            if (_lastWarning is { } last && time.GetElapsedTime(last, now) < WarningInterval)
            {
                return;
            }

            _lastWarning = now;
        }

        VenueLog.UntrustedHost(logger, host);
    }
}
