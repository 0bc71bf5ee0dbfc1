using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Babelcast.Server.Auth;

/// <summary>Validates a raw token with exactly the settings of the JwtBearer scheme that would handle it.</summary>
internal sealed class SpeakerAuthenticator(
    IOptionsMonitor<JwtBearerOptions> bearerOptions,
    IOptions<AuthOptions> authOptions,
    LocalUserCheck localUsers,
    ILogger<SpeakerAuthenticator> logger) : ISpeakerAuthenticator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async ValueTask<string?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        token = token?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var auth = authOptions.Value;
        var scheme = BearerTokens.SchemeFor(token, auth.Issuer, auth.Oidc.IsConfigured);
        try
        {
            var bearer = bearerOptions.Get(scheme);
            var parameters = bearer.TokenValidationParameters.Clone();
            if (bearer.ConfigurationManager is not null)
            {
                // The same merge JwtBearerHandler does with the issuer's discovery document.
                var configuration = await bearer.ConfigurationManager.GetConfigurationAsync(cancellationToken);
                string[] issuers = [configuration.Issuer];
                parameters.ValidIssuers = parameters.ValidIssuers?.Concat(issuers) ?? issuers;
                parameters.IssuerSigningKeys = parameters.IssuerSigningKeys?.Concat(configuration.SigningKeys) ?? configuration.SigningKeys;
            }

            var result = await _handler.ValidateTokenAsync(token, parameters);
            if (!result.IsValid)
            {
                Log.TokenRejected(logger, scheme, result.Exception?.GetType().Name ?? "invalid");
                return null;
            }

            if (scheme == AuthSchemes.Local && !await localUsers.IsCurrentAsync(result.ClaimsIdentity, cancellationToken))
            {
                Log.TokenRejected(logger, scheme, "user missing, disabled or token revoked");
                return null;
            }

            return SpeakerIdentity.FromSubject(scheme, result.ClaimsIdentity.FindFirst(SpeakerIdentity.SubjectClaim(scheme, auth))?.Value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // An unreachable issuer or a broken document must not turn into a failed connection.
            Log.TokenValidationFailed(logger, scheme, e);
            return null;
        }
    }

    public ValueTask<string?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        AuthenticateAsync(BearerTokens.Read(context.Request, allowQuery: true), cancellationToken);
}
