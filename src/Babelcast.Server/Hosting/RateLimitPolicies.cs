namespace Babelcast.Server.Hosting;

/// <summary>Names of the endpoint rate-limiting policies (<c>RequireRateLimiting(name)</c>).</summary>
public static class RateLimitPolicies
{
    public const string Token = "babelcast-token";
    public const string SessionCreate = "babelcast-session-create";
}
