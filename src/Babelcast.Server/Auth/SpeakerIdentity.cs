using System.Security.Claims;

namespace Babelcast.Server.Auth;

/// <summary>Maps an authenticated principal to the user id that owns sessions.</summary>
public static class SpeakerIdentity
{
    /// <summary>The user id, or null when <paramref name="principal"/> is not an authenticated speaker.</summary>
    public static string? UserId(ClaimsPrincipal? principal)
    {
        var value = principal?.FindFirst(AuthSchemes.UserIdClaim)?.Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    internal static string? FromSubject(string scheme, string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        return scheme == AuthSchemes.Oidc ? AuthSchemes.OidcUserPrefix + subject : subject;
    }

    /// <summary>Adds the user-id claim to a principal just validated by <paramref name="scheme"/>; false if it has no subject.</summary>
    internal static bool Stamp(string scheme, ClaimsPrincipal principal)
    {
        var userId = FromSubject(scheme, principal.FindFirst("sub")?.Value);
        if (userId is null || principal.Identity is not ClaimsIdentity identity)
        {
            return false;
        }

        identity.AddClaim(new Claim(AuthSchemes.UserIdClaim, userId));
        return true;
    }
}
