using System.Security.Claims;

namespace Babelcast.Server.Auth;

/// <summary>
/// Maps an authenticated principal to the user id that owns sessions. The id comes only from the subject claim of
/// the validated token plus the scheme that validated it; a <see cref="AuthSchemes.UserIdClaim"/> inside the token is
/// discarded, so a token cannot name its own user id.
/// </summary>
public static class SpeakerIdentity
{
    /// <summary>The user id, or null when <paramref name="principal"/> is not an authenticated speaker.</summary>
    public static string? UserId(ClaimsPrincipal? principal)
    {
        var value = principal?.FindFirst(AuthSchemes.UserIdClaim)?.Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The claim that names the user in tokens of <paramref name="scheme"/>.</summary>
    internal static string SubjectClaim(string scheme, AuthOptions options) =>
        scheme == AuthSchemes.Oidc && !string.IsNullOrWhiteSpace(options.Oidc.UserIdClaim) ? options.Oidc.UserIdClaim : "sub";

    internal static string? FromSubject(string scheme, string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        return scheme == AuthSchemes.Oidc ? AuthSchemes.OidcUserPrefix + subject : subject;
    }

    /// <summary>
    /// Replaces any user-id claim the token carried with the one derived from its subject; false (and no user-id
    /// claim at all) if it has no subject.
    /// </summary>
    internal static bool Stamp(string scheme, string subjectClaim, ClaimsPrincipal principal)
    {
        foreach (var identity in principal.Identities)
        {
            foreach (var supplied in identity.FindAll(AuthSchemes.UserIdClaim).ToList())
            {
                identity.RemoveClaim(supplied);
            }
        }

        var userId = FromSubject(scheme, principal.FindFirst(subjectClaim)?.Value);
        if (userId is null || principal.Identity is not ClaimsIdentity stamped)
        {
            return false;
        }

        stamped.AddClaim(new Claim(AuthSchemes.UserIdClaim, userId));
        return true;
    }
}
