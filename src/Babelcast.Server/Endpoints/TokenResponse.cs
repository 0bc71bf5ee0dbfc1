namespace Babelcast.Server.Endpoints;

internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
