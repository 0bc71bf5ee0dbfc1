using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Auth;

/// <summary>Hand-made tokens for validation tests.</summary>
internal static class TestTokens
{
    public static SymmetricSecurityKey ServerKey(string dataDirectory) =>
        new(Convert.FromBase64String(File.ReadAllText(Path.Combine(dataDirectory, "keys", "jwt-signing.key"))));

    public static string Create(
        SecurityKey key, string algorithm, string subject, DateTime expires, string issuer = "babelcast", string audience = "babelcast", string? keyId = null,
        IDictionary<string, object>? claims = null)
    {
        if (keyId is not null)
        {
            key.KeyId = keyId;
        }

        var issuedAt = expires.AddHours(-1) < DateTime.UtcNow ? expires.AddHours(-1) : DateTime.UtcNow.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            SigningCredentials = new SigningCredentials(key, algorithm),
            Claims = claims,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
