namespace Babelcast.Server.Auth;

internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Generated a new JWT signing key at {Path}")]
    public static partial void SigningKeyGenerated(ILogger logger, string path);

    [LoggerMessage(1001, LogLevel.Debug, "Token rejected by scheme {Scheme}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string scheme, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Token validation by scheme {Scheme} failed")]
    public static partial void TokenValidationFailed(ILogger logger, string scheme, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "Created the admin speaker account with the password from BABELCAST_ADMIN_PASSWORD")]
    public static partial void AdminCreatedFromEnvironment(ILogger logger);

    // Deliberately a warning so that it shows with the default log levels; printed only when the account is created.
    [LoggerMessage(1004, LogLevel.Warning, "Created the admin speaker account. Generated password (shown only this once): {Password}")]
    public static partial void AdminCreatedWithGeneratedPassword(ILogger logger, string password);
}
