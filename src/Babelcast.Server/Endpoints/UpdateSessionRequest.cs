namespace Babelcast.Server.Endpoints;

internal sealed record UpdateSessionRequest(string? Status, string? QualityTier);
