using Microsoft.Extensions.Options;

namespace Babelcast.Server.Auth;

internal sealed class LockoutOptionsValidator : IValidateOptions<LockoutOptions>
{
    public ValidateOptionsResult Validate(string? name, LockoutOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFailures is < 1 or > 1000)
        {
            failures.Add($"{LockoutOptions.Section}:MaxFailures must be between 1 and 1000.");
        }

        if (options.Window <= TimeSpan.Zero || options.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{LockoutOptions.Section}:Window must be between 0 and 1 day.");
        }

        if (options.LockoutDuration <= TimeSpan.Zero || options.LockoutDuration > options.MaxLockoutDuration)
        {
            failures.Add($"{LockoutOptions.Section}:LockoutDuration must be positive and at most MaxLockoutDuration.");
        }

        // The cap is what keeps a stranger from locking the admin out for good.
        if (options.MaxLockoutDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"{LockoutOptions.Section}:MaxLockoutDuration must be at most 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
