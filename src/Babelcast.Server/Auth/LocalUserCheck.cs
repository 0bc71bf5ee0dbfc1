using System.Globalization;
using System.Security.Claims;
using Babelcast.Core.Storage;

namespace Babelcast.Server.Auth;

/// <summary>
/// Checks on every use that a local token's user still exists, is not disabled and that the token's version is the
/// user's current one. Not cached, so a disable, delete or password reset takes effect on the next request.
/// External (OIDC) users are not in the local store and are not checked here.
/// </summary>
internal sealed class LocalUserCheck(IUserStore users)
{
    public async ValueTask<bool> IsCurrentAsync(ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        var username = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(username))
        {
            return false;
        }

        var user = await users.FindAsync(username, cancellationToken);
        if (user is null || user.Disabled)
        {
            return false;
        }

        // Tokens issued before versions existed carry none and count as version 0.
        var claim = identity.FindFirst(AuthSchemes.TokenVersionClaim)?.Value;
        long version = 0;
        if (claim is not null && !long.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            return false;
        }

        return version == user.TokenVersion;
    }
}
