namespace Babelcast.Server.Auth;

/// <summary>
/// An external OpenID Connect issuer (e.g. Cognito) whose access tokens are accepted besides our own
/// (section "Babelcast:Auth:Oidc"). Configured when Authority, MetadataAddress or JwksUrl is set.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer URL; its discovery document is {Authority}/.well-known/openid-configuration.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's URL, when it is not under the authority.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>A bare JWKS URL for issuers without a discovery document; <see cref="Issuer"/> is then required.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The expected <c>iss</c>; defaults to the discovery document's issuer.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c>; empty = the audience is not checked (Cognito access tokens carry none).</summary>
    public string? Audience { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim naming the user (default <c>sub</c>); the user id is <c>oidc:</c> + its value.</summary>
    public string UserIdClaim { get; set; } = "sub";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(JwksUrl);
}
