namespace Babelcast.Server.Venue;

internal static partial class VenueLog
{
    [LoggerMessage(1700, LogLevel.Warning,
        "A request named the host '{Host}', which is not this server (not in AllowedHosts, Babelcast:PublicBaseUrl, the host name or a LAN address): join links use a detected address instead (logged at most once a minute)")]
    public static partial void UntrustedHost(ILogger logger, string host);
}
