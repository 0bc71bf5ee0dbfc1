using Microsoft.IdentityModel.JsonWebTokens;

namespace Babelcast.Server.Auth;

/// <summary>Finds the bearer token of a request and tells which scheme must validate it.</summary>
internal static class BearerTokens
{
    private const string BearerPrefix = "Bearer ";
    private const int MaxTokenLength = 16 * 1024;

    /// <summary>
    /// The <c>Authorization: Bearer</c> token, else (WebSocket paths only, browsers cannot set headers there)
    /// the <c>token</c> or <c>access_token</c> query parameter; null if none.
    /// </summary>
    public static string? Read(HttpRequest request, bool allowQuery)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Normalise(header[BearerPrefix.Length..]);
        }

        if (!allowQuery)
        {
            return null;
        }

        var query = request.Query;
        return Normalise(query["token"].ToString()) ?? Normalise(query["access_token"].ToString());
    }

    public static bool IsWebSocketPath(HttpRequest request) => request.Path.StartsWithSegments("/ws", StringComparison.Ordinal);

    /// <summary>
    /// The scheme for <paramref name="token"/>: tokens of our own issuer (and anything unreadable) go to
    /// the local scheme, any other issuer to the external one when it is configured.
    /// </summary>
    public static string SchemeFor(string? token, string localIssuer, bool oidcConfigured)
    {
        if (!oidcConfigured || token is null || token.Length > MaxTokenLength)
        {
            return AuthSchemes.Local;
        }

        try
        {
            var issuer = new JsonWebToken(token).Issuer;
            return string.IsNullOrEmpty(issuer) || string.Equals(issuer, localIssuer, StringComparison.Ordinal) ? AuthSchemes.Local : AuthSchemes.Oidc;
        }
        catch (ArgumentException)
        {
            // Not a JWT at all: the local scheme rejects it.
            return AuthSchemes.Local;
        }
    }

    private static string? Normalise(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
