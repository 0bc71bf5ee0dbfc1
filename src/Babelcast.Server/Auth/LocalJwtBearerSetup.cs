using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Auth;

/// <summary>Validation of our own HS256 tokens.</summary>
internal sealed class LocalJwtBearerSetup(SigningKeyProvider keys, IOptions<AuthOptions> options) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != AuthSchemes.Local)
        {
            return;
        }

        var auth = options.Value;
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = "sub",
        };
        bearer.Events = BearerEvents.Create(AuthSchemes.Local);
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
