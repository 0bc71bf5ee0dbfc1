namespace Babelcast.Core.Limits;

/// <summary>
/// After <paramref name="MaxFailures"/> failures of one key within <paramref name="Window"/> (counted from the last
/// failure), the key is locked for <paramref name="LockoutDuration"/>, doubling with each further lockout up to
/// <paramref name="MaxLockoutDuration"/>. A key whose window and lockout are both over starts afresh.
/// </summary>
public readonly record struct LockoutPolicy(int MaxFailures, TimeSpan Window, TimeSpan LockoutDuration, TimeSpan MaxLockoutDuration)
{
    /// <summary>Lockouts beyond this count no longer double (the cap applies long before).</summary>
    public const int MaxLockouts = 30;

    /// <summary>How long the <paramref name="lockouts"/>th lockout in a row lasts.</summary>
    public TimeSpan LockoutFor(int lockouts) =>
        TimeSpan.FromTicks((long)Math.Min(LockoutDuration.Ticks * Math.Pow(2, lockouts - 1), MaxLockoutDuration.Ticks));
}
