using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Health;

/// <summary>Section "Babelcast:Health": what <c>/healthz/ready</c> checks against.</summary>
public sealed class HealthOptions
{
    public const string Section = "Babelcast:Health";

    /// <summary>The data directory's volume must have at least this many bytes free (SQLite and phrase audio grow there).</summary>
    [Range(0, long.MaxValue)]
    public long MinimumFreeDiskBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>An engine probe's result is reused for this long, so that frequent probing of /healthz stays cheap.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan EngineCheckCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An engine probe that takes longer than this fails the check.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan EngineCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
