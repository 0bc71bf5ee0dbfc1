using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.Token), options.Token);
        Check(failures, nameof(options.SessionCreate), options.SessionCreate);
        Check(failures, nameof(options.WebSocketConnect), options.WebSocketConnect);
        Check(failures, nameof(options.Join), options.Join);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string name, RateLimitWindow? window)
    {
        if (window is null)
        {
            failures.Add($"{RateLimitOptions.Section}:{name} is missing.");
            return;
        }

        if (window.PermitLimit < 1)
        {
            failures.Add($"{RateLimitOptions.Section}:{name}:PermitLimit must be at least 1.");
        }

        if (window.Window <= TimeSpan.Zero || window.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{RateLimitOptions.Section}:{name}:Window must be between 0 and 1 day.");
        }
    }
}
