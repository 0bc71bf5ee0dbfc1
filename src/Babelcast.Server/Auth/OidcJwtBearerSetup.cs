using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Auth;

/// <summary>Validation of tokens from the external OpenID Connect issuer (keys from its discovery document or JWKS).</summary>
internal sealed class OidcJwtBearerSetup(IOptions<AuthOptions> options) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != AuthSchemes.Oidc)
        {
            return;
        }

        var oidc = options.Value.Oidc;
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(oidc.Authority))
        {
            bearer.Authority = oidc.Authority;
        }

        if (!string.IsNullOrWhiteSpace(oidc.MetadataAddress))
        {
            bearer.MetadataAddress = oidc.MetadataAddress;
        }

        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(oidc.Issuer) ? null : oidc.Issuer,
            ValidateAudience = !string.IsNullOrWhiteSpace(oidc.Audience),
            ValidAudience = string.IsNullOrWhiteSpace(oidc.Audience) ? null : oidc.Audience,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = options.Value.ClockSkew,
            NameClaimType = "sub",
        };

        if (string.IsNullOrWhiteSpace(oidc.Authority) && string.IsNullOrWhiteSpace(oidc.MetadataAddress) && !string.IsNullOrWhiteSpace(oidc.JwksUrl))
        {
            // No discovery document: fetch the bare key set (refreshed like a discovery document).
            bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                oidc.JwksUrl,
                new JwksConfigurationRetriever(oidc.Issuer!),
                new HttpDocumentRetriever { RequireHttps = oidc.RequireHttpsMetadata });
        }

        bearer.Events = BearerEvents.Create(AuthSchemes.Oidc);
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
