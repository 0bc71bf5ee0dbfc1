namespace Babelcast.Server.Auth;

/// <summary>Validates speaker tokens outside the authentication middleware (the WebSocket endpoints use it).</summary>
public interface ISpeakerAuthenticator
{
    /// <summary>
    /// The user id of a valid token (our own or the external issuer's), or null for a missing, malformed,
    /// expired or badly signed one. Never throws for a bad token.
    /// </summary>
    ValueTask<string?> AuthenticateAsync(string? token, CancellationToken cancellationToken);

    /// <summary>As above with the token from <c>Authorization: Bearer</c>, else the <c>token</c> or <c>access_token</c> query parameter.</summary>
    ValueTask<string?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken);
}
