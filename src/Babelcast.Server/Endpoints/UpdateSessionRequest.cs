namespace Babelcast.Server.Endpoints;

/// <summary>The PATCH body: a status, the (unchangeable) tier, and <c>held</c> to hold the broadcast for music or end the hold.</summary>
internal sealed record UpdateSessionRequest(string? Status, string? QualityTier, bool? Held);
