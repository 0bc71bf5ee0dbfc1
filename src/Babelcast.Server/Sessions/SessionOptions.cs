using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Sessions;

/// <summary>Session limits and expiry (section "Babelcast:Sessions").</summary>
public sealed class SessionOptions
{
    public const string Section = "Babelcast:Sessions";

    [Range(1, 100_000)]
    public int MaxListenersPerSession { get; set; } = 500;

    /// <summary>A session with no activity for this long is ended by the sweeper.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session is ended this long after creation whatever happens.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
