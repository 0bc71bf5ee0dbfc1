namespace Babelcast.Server.Auth;

/// <summary>Speaker authentication (section "Babelcast:Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Babelcast:Auth";

    /// <summary>The <c>iss</c> of tokens this server issues; also how the auth scheme tells them from external ones.</summary>
    public string Issuer { get; set; } = "babelcast";

    public string Audience { get; set; } = "babelcast";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Base64 HMAC key (at least 32 bytes); empty = generated once into {DataDirectory}/keys/jwt-signing.key.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Tolerated clock difference when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public OidcOptions Oidc { get; set; } = new();
}
