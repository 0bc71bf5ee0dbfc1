using System.Net;
using Babelcast.Server.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Babelcast.Server.Venue;

/// <summary>
/// Whether the request's Host names this server, so that a join link may use it: a client can send any Host header,
/// and a join link or QR code must never point at a foreign origin. Trusted: a match of <c>AllowedHosts</c> (when it
/// is configured and not <c>*</c>), the host of <c>Babelcast:PublicBaseUrl</c>, this machine's host name (also with
/// <c>.local</c>, as mDNS announces it), a detected LAN address, or the address the connection arrived on.
/// </summary>
internal sealed class RequestHostTrust(
    ILanAddresses lan, IOptionsMonitor<BabelcastOptions> options, IOptionsMonitor<HostFilteringOptions> hostFiltering, MachineHostName machine)
{
    public bool IsTrusted(HttpRequest request)
    {
        var host = request.Host.Host;
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (MatchesAllowedHosts(host) || MatchesPublicBaseUrl(host) || machine.Matches(host))
        {
            return true;
        }

        return JoinHosts.TryParseAddress(host, out var address)
            && (lan.Current().Contains(address) || address.Equals(Normalise(request.HttpContext.Connection.LocalIpAddress)));
    }

    private bool MatchesAllowedHosts(string host)
    {
        var allowed = hostFiltering.CurrentValue.AllowedHosts;
        if (allowed is null || allowed.Count == 0 || allowed.Any(static h => h.Trim() == "*"))
        {
            return false;
        }

        var patterns = allowed.Select(static h => new StringSegment(new HostString(h.Trim()).Host)).ToList();
        return HostString.MatchesAny(new StringSegment(host), patterns);
    }

    private bool MatchesPublicBaseUrl(string host) =>
        Uri.TryCreate(options.CurrentValue.PublicBaseUrl?.Trim(), UriKind.Absolute, out var configured)
        && string.Equals(configured.Host, host, StringComparison.OrdinalIgnoreCase);

    private static IPAddress? Normalise(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
