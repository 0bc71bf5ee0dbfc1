using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Apertium;

internal sealed class ApertiumOptionsValidator : IValidateOptions<ApertiumOptions>
{
    public ValidateOptionsResult Validate(string? name, ApertiumOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PipelineCommand) && !Directory.Exists(options.ModesDirectory))
        {
            errors.Add($"Apertium modes directory '{options.ModesDirectory}' does not exist (is the apertium package installed?).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add("RequestTimeout must be positive.");
        }

        if (options.StartupTimeout < TimeSpan.Zero)
        {
            errors.Add("StartupTimeout must not be negative.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("IdleTimeout must be positive.");
        }

        if (options.CacheSize < 0)
        {
            errors.Add("CacheSize must be zero (no cache) or positive.");
        }

        foreach (var (mode, pair) in options.AdditionalModes)
        {
            if (pair.Split('|') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                errors.Add($"AdditionalModes:{mode} must look like 'source|target', not '{pair}'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
