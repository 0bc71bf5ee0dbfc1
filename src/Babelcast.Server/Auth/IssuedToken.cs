namespace Babelcast.Server.Auth;

internal sealed record IssuedToken(string AccessToken, int ExpiresInSeconds);
