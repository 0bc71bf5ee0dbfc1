namespace Babelcast.Server.Endpoints;

internal sealed record TokenRequest(string? Username, string? Password);
