namespace Babelcast.Server.Https;

internal static partial class HttpsLog
{
    [LoggerMessage(1750, LogLevel.Information, "HTTPS ({Mode}) on port {Port}: certificate {Subject}, valid until {NotAfter:yyyy-MM-dd}, SHA-256 fingerprint {Sha256}")]
    public static partial void Serving(ILogger logger, string mode, int port, string subject, DateTime notAfter, string sha256);

    [LoggerMessage(1751, LogLevel.Information, "Generated a self-signed HTTPS certificate in {Path} ({Reason}); names: {Names}")]
    public static partial void Generated(ILogger logger, string path, string reason, string names);

    [LoggerMessage(1752, LogLevel.Warning, "The self-signed HTTPS certificate in {Path} cannot be read, generating a new one: {Error}")]
    public static partial void Unreadable(ILogger logger, string path, string error);

    [LoggerMessage(1753, LogLevel.Critical,
        "Cannot start: {Detail} Another program (or another Babelcast) uses the HTTPS port. Choose a free one with Babelcast:Https:Port (e.g. --Babelcast:Https:Port=5444)")]
    public static partial void PortInUse(ILogger logger, string detail);
}
