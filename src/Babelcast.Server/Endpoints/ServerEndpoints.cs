using Babelcast.Server.Auth;
using Babelcast.Server.Venue;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Babelcast.Server.Endpoints;

/// <summary>What the speaker page needs to know about this server's addresses.</summary>
internal static class ServerEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/server/addresses", Addresses);

    private static IResult Addresses(HttpContext context, JoinOrigins origins, IServer server)
    {
        if (SpeakerIdentity.UserId(context.User) is null)
        {
            return SessionAccess.Unauthorized();
        }

        var candidates = origins.Candidates(context.Request);
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var listensOnLan = bound.Select(ServerBinding.Parse).Any(static b => b is { ReachableFromLan: true });
        return TypedResults.Ok(new ServerAddressesResponse(candidates[0].Origin, candidates, listensOnLan));
    }
}
