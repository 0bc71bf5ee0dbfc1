namespace Babelcast.Server.Endpoints;

/// <summary>The stable <c>code</c> values of HTTP problems (see docs/protocol.md).</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string UnsupportedLanguage = "UNSUPPORTED_LANGUAGE";
    public const string InvalidQualityTier = "INVALID_QUALITY_TIER";
    public const string InvalidStatus = "INVALID_STATUS";
    public const string InvalidSessionId = "INVALID_SESSION_ID";
    public const string SessionNotFound = "SESSION_NOT_FOUND";
    public const string SessionEnded = "SESSION_ENDED";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string AudioNotFound = "AUDIO_NOT_FOUND";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";
    public const string SessionIdExhausted = "SESSION_ID_EXHAUSTED";
    public const string InvalidHost = "INVALID_HOST";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string MalformedRequest = "MALFORMED_REQUEST";
    public const string JoinLinkTooLong = "JOIN_LINK_TOO_LONG";
    public const string InternalError = "INTERNAL_ERROR";
}
