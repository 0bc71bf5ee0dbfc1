namespace Babelcast.Server.Hosting;

/// <summary>Fixed-window limits (section "Babelcast:RateLimits"), e.g. <c>Babelcast:RateLimits:Token:PermitLimit=10</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Babelcast:RateLimits";

    /// <summary>POST /api/auth/token, per client IP.</summary>
    public RateLimitWindow Token { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST /api/sessions, per speaker.</summary>
    public RateLimitWindow SessionCreate { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromHours(1) };

    /// <summary>WebSocket upgrades (speaker and listener), per client IP.</summary>
    public RateLimitWindow WebSocketConnect { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Listener joins, per client IP.</summary>
    public RateLimitWindow Join { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };
}
