using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>Section "Babelcast:Cluster:Redis".</summary>
public sealed class RedisClusterOptions : IValidatableObject
{
    public const string Section = "Babelcast:Cluster:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,password=...</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every key, so that several deployments can share one Redis.</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,40}$")]
    public string KeyPrefix { get; set; } = "babelcast";

    /// <summary>
    /// How long a session stays owned without renewal; after a crash another node takes it after this long. Shorter
    /// is faster failover but risks losing a session to a stall (600 ms stalls were seen on a loaded 2-core machine).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A node stops working on a session this long before its lease could have expired in Redis (counted from when the
    /// last successful renewal was sent), covering clock-rate differences and the renewal's own round trip.
    /// </summary>
    public TimeSpan FencingMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Hard cap on a session's ingest stream (about 2.5 KB per 100 ms frame: 12,000 is 20 minutes and 30 MB). The
    /// stream is normally trimmed at every committed phrase; this bounds it when no worker commits.
    /// </summary>
    [Range(1000, 1_000_000)]
    public int IngestMaxEntries { get; set; } = 12_000;

    /// <summary>A waiting reader looks at the stream this often even without a wake-up message (Pub/Sub is at-most-once).</summary>
    public TimeSpan IngestPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Each node re-publishes its listener counts this often; a node's counts that were not refreshed for three beats
    /// (it died) no longer count, so that nobody translates for listeners who are gone.
    /// </summary>
    public TimeSpan PresenceHeartbeat { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long ending a session waits for the worker to deliver the phrase in progress before the end goes out anyway
    /// (the worker is gone, or none has claimed the session yet).
    /// </summary>
    public TimeSpan EndTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ConnectionString)} is required when the cluster uses Redis.", [nameof(ConnectionString)]);
        }
        else if (!TryParse(ConnectionString, out var error))
        {
            yield return new ValidationResult($"{Section}:{nameof(ConnectionString)} is not valid: {error}", [nameof(ConnectionString)]);
        }

        if (PresenceHeartbeat < TimeSpan.FromMilliseconds(50) || PresenceHeartbeat > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult($"{Section}:{nameof(PresenceHeartbeat)} must be between 50 ms and 1 minute.", [nameof(PresenceHeartbeat)]);
        }

        if (IngestPollInterval < TimeSpan.FromMilliseconds(10) || IngestPollInterval > TimeSpan.FromSeconds(5))
        {
            yield return new ValidationResult($"{Section}:{nameof(IngestPollInterval)} must be between 10 ms and 5 s.", [nameof(IngestPollInterval)]);
        }

        if (EndTimeout < TimeSpan.Zero || EndTimeout > TimeSpan.FromMinutes(2))
        {
            yield return new ValidationResult($"{Section}:{nameof(EndTimeout)} must be between 0 and 2 minutes.", [nameof(EndTimeout)]);
        }

        if (LeaseDuration < TimeSpan.FromMilliseconds(200) || LeaseDuration > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"{Section}:{nameof(LeaseDuration)} must be between 200 ms and 5 minutes.", [nameof(LeaseDuration)]);
        }

        if (FencingMargin < TimeSpan.Zero || FencingMargin >= LeaseDuration)
        {
            yield return new ValidationResult($"{Section}:{nameof(FencingMargin)} must be at least 0 and below {nameof(LeaseDuration)}.", [nameof(FencingMargin)]);
        }

        if (LeaseRenewInterval <= TimeSpan.Zero || LeaseRenewInterval >= LeaseDuration - FencingMargin)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(LeaseRenewInterval)} must be above 0 and below {nameof(LeaseDuration)} minus {nameof(FencingMargin)}, or every lease would be lost between renewals.",
                [nameof(LeaseRenewInterval)]);
        }
    }

    private static bool TryParse(string value, out string? error)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(value);
            error = parsed.EndPoints.Count == 0 ? "it names no endpoint" : null;
            return error is null;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
