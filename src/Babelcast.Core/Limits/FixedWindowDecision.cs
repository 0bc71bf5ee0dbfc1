namespace Babelcast.Core.Limits;

/// <summary>The outcome of counting one request: allowed, or refused with the time until the window ends.</summary>
public readonly record struct FixedWindowDecision(bool Acquired, TimeSpan RetryAfter)
{
    public static FixedWindowDecision Allowed => new(true, TimeSpan.Zero);

    public static FixedWindowDecision Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
