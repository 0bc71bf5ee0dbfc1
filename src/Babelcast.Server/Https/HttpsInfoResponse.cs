namespace Babelcast.Server.Https;

/// <summary>
/// GET /api/server/https: what the speaker page shows the operator: the HTTPS port, addresses another machine can
/// open, and the certificate's fingerprint to compare with the browser's warning.
/// </summary>
internal sealed record HttpsInfoResponse(string Mode, int? Port, IReadOnlyList<string> Urls, string? Sha256, DateTimeOffset? NotAfter);
