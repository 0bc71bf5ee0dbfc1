using Babelcast.Core.Protocol;
using Babelcast.Server.Endpoints;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Babelcast.Server.Auth;

/// <summary>Token lookup (header, or query on WebSocket paths), the user-id claim, and problem+json challenges.</summary>
internal static class BearerEvents
{
    public static JwtBearerEvents Create(string scheme) => new()
    {
        OnMessageReceived = context =>
        {
            context.Token = BearerTokens.Read(context.Request, BearerTokens.IsWebSocketPath(context.Request));
            if (context.Token is null)
            {
                context.NoResult();
            }

            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (context.Principal is null || !SpeakerIdentity.Stamp(scheme, context.Principal))
            {
                context.Fail("The token has no subject.");
            }

            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            await Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "A valid bearer token is required.")
                .ExecuteAsync(context.HttpContext);
        },
        OnForbidden = context =>
            Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Not allowed.").ExecuteAsync(context.HttpContext),
    };
}
