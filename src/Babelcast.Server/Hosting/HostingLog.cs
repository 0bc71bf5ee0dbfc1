namespace Babelcast.Server.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(1300, LogLevel.Error, "Unexpected failure of {Method} {Path} (trace {TraceId})")]
    public static partial void Unexpected(ILogger logger, string method, string path, string traceId, Exception exception);

    [LoggerMessage(1301, LogLevel.Information, "Refused the body of {Method} {Path} with {StatusCode}")]
    public static partial void BadRequest(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(1320, LogLevel.Information, "Speaker: {Url} (the speaker page on this machine)")]
    public static partial void SpeakerAddress(ILogger logger, string url);

    [LoggerMessage(1321, LogLevel.Information, "Listeners: {Url} (phones on this network; the speaker page shows each session's link and QR code)")]
    public static partial void ListenerAddress(ILogger logger, string url);

    [LoggerMessage(1327, LogLevel.Information, "Speaker from another machine: {Url} (HTTPS, which browsers require for the microphone; check the certificate fingerprint above)")]
    public static partial void RemoteSpeakerAddress(ILogger logger, string url);

    [LoggerMessage(1322, LogLevel.Information, "Listeners: {Url} (Babelcast:PublicBaseUrl)")]
    public static partial void PublicAddress(ILogger logger, string url);

    [LoggerMessage(1323, LogLevel.Warning,
        "Listening on loopback only ({Addresses}): no phone can join. To serve the room's network, start with --urls http://0.0.0.0:{Port} (scripts/setup.sh: BABELCAST_URL=http://0.0.0.0:{Port}); see docs/deployment.md")]
    public static partial void LoopbackOnly(ILogger logger, string addresses, int port);

    [LoggerMessage(1324, LogLevel.Warning,
        "No LAN address detected (only loopback, link-local, down or virtual interfaces): connect this machine to the venue's network; join links fall back to this machine's own address until then")]
    public static partial void NoLanAddress(ILogger logger);

    [LoggerMessage(1325, LogLevel.Critical,
        "Cannot start: {Detail} Another program (or another Babelcast) uses that port. Choose a free address with --urls (e.g. --urls http://0.0.0.0:5081), BABELCAST_URL with scripts/setup.sh, or the Urls setting (ASPNETCORE_URLS)")]
    public static partial void AddressInUse(ILogger logger, string detail);
}
