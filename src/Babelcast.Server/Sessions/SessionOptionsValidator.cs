using Microsoft.Extensions.Options;

namespace Babelcast.Server.Sessions;

internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.IdleTimeout), options.IdleTimeout);
        Positive(failures, nameof(options.MaxLifetime), options.MaxLifetime);
        Positive(failures, nameof(options.SweepInterval), options.SweepInterval);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{SessionOptions.Section}:{name} must be positive.");
        }
    }
}
