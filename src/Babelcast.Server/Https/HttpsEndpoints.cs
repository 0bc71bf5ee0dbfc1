using Babelcast.Server.Auth;
using Babelcast.Server.Endpoints;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Babelcast.Server.Https;

/// <summary>GET /api/server/https for signed-in speakers: the HTTPS port and the certificate's SHA-256 fingerprint.</summary>
internal static class HttpsEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/server/https", Get);

    private static IResult Get(HttpContext context, HttpsCertificateSource source, IServer server)
    {
        if (SpeakerIdentity.UserId(context.User) is null)
        {
            return SessionAccess.Unauthorized();
        }

        var certificate = source.Mode == HttpsMode.Off ? null : source.Certificate;
        if (certificate is null)
        {
            return TypedResults.Ok(new HttpsInfoResponse("off", null, null, null));
        }

        return TypedResults.Ok(new HttpsInfoResponse(
            source.Options.Mode.Trim().ToLowerInvariant(),
            BoundPort(server) ?? source.Options.Port,
            certificate.Sha256,
            new DateTimeOffset(certificate.Certificate.NotAfter.ToUniversalTime())));
    }

    /// <summary>The port actually bound (differs from the setting only when that is 0).</summary>
    private static int? BoundPort(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(static a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : (int?)null)
            .FirstOrDefault(static p => p is not null);
}
