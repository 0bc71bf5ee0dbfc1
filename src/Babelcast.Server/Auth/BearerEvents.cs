using Babelcast.Core.Protocol;
using Babelcast.Server.Endpoints;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

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
        OnTokenValidated = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var subjectClaim = SpeakerIdentity.SubjectClaim(scheme, services.GetRequiredService<IOptions<AuthOptions>>().Value);
            if (context.Principal is null || !SpeakerIdentity.Stamp(scheme, subjectClaim, context.Principal))
            {
                context.Fail("The token has no subject.");
                return;
            }

            if (scheme == AuthSchemes.Local && (context.Principal.Identity is not ClaimsIdentity identity
                || !await services.GetRequiredService<LocalUserCheck>().IsCurrentAsync(identity, context.HttpContext.RequestAborted)))
            {
                context.Fail("The user does not exist, is disabled, or the token was revoked.");
            }
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
