using System.Net;
using Babelcast.Server.Auth;
using Babelcast.Server.Endpoints;
using Babelcast.Server.Venue;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Babelcast.Server.Https;

/// <summary>GET /api/server/https for signed-in speakers: the HTTPS port, addresses and certificate fingerprint.</summary>
internal static class HttpsEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/server/https", Get);

    private static IResult Get(HttpContext context, HttpsCertificateSource source, IServer server, ILanAddresses lan)
    {
        if (SpeakerIdentity.UserId(context.User) is null)
        {
            return SessionAccess.Unauthorized();
        }

        var certificate = source.Mode == HttpsMode.Off ? null : source.Certificate;
        if (certificate is null)
        {
            return TypedResults.Ok(new HttpsInfoResponse("off", null, [], null, null));
        }

        var bound = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(static a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null)
            .OfType<Uri>()
            .ToArray();
        var port = bound.FirstOrDefault()?.Port ?? source.Options.Port;
        return TypedResults.Ok(new HttpsInfoResponse(
            source.Options.Mode.Trim().ToLowerInvariant(),
            port,
            Urls(bound, port, lan),
            certificate.Sha256,
            new DateTimeOffset(certificate.Certificate.NotAfter.ToUniversalTime())));
    }

    /// <summary>
    /// The LAN addresses first when HTTPS listens on every interface (what a laptop at the lectern opens), then
    /// the specific addresses it is bound to.
    /// </summary>
    private static string[] Urls(Uri[] bound, int port, ILanAddresses lan)
    {
        var any = bound.Any(static u => u.Host is "[::]" or "0.0.0.0" || (IPAddress.TryParse(u.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))));
        var fromLan = any ? lan.Current().Select(a => new UriBuilder(Uri.UriSchemeHttps, a.ToString(), port, "/").Uri.ToString()) : [];
        var specific = bound.Where(static u => u.Host is not "[::]" and not "0.0.0.0").Select(static u => new UriBuilder(u) { Path = "/" }.Uri.ToString());
        return fromLan.Concat(specific).Distinct(StringComparer.Ordinal).ToArray();
    }
}
