namespace Babelcast.Server.Auth;

/// <summary>
/// "Babelcast" is the default (policy) scheme; it forwards to "Local" (our own HS256 tokens) or to "Oidc"
/// (the external issuer) by the token's <c>iss</c>.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "Babelcast";
    public const string Local = "BabelcastLocal";
    public const string Oidc = "BabelcastOidc";

    /// <summary>The claim holding our user id (see <see cref="SpeakerIdentity"/>).</summary>
    public const string UserIdClaim = "babelcast_uid";

    /// <summary>The claim in our own tokens holding the user's token version at issue (see <see cref="LocalUserCheck"/>).</summary>
    public const string TokenVersionClaim = "babelcast_ver";

    /// <summary>Prefix of user ids from the external issuer; usernames cannot contain ':', so the two never collide.</summary>
    public const string OidcUserPrefix = "oidc:";
}
