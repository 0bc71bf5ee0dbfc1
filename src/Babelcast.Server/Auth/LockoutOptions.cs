namespace Babelcast.Server.Auth;

/// <summary>
/// Per-account sign-in throttling (section "Babelcast:Auth:Lockout"): after <see cref="MaxFailures"/> wrong passwords
/// for one username within <see cref="Window"/>, that username is refused for <see cref="LockoutDuration"/>, doubling on
/// each further lockout up to <see cref="MaxLockoutDuration"/>; never permanent.
/// </summary>
public sealed class LockoutOptions
{
    public const string Section = "Babelcast:Auth:Lockout";

    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxLockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
