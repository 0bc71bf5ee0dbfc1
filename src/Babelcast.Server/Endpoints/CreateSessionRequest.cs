namespace Babelcast.Server.Endpoints;

internal sealed record CreateSessionRequest(string? SourceLanguage, string? QualityTier);
