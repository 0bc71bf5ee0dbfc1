namespace Babelcast.Server.Https;

/// <summary>GET /api/server/https: what the speaker page shows the operator (port and fingerprint to compare).</summary>
internal sealed record HttpsInfoResponse(string Mode, int? Port, string? Sha256, DateTimeOffset? NotAfter);
