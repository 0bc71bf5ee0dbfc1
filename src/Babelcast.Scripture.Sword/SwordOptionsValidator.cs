using Microsoft.Extensions.Options;

namespace Babelcast.Scripture.Sword;

/// <summary>Rejects settings that cannot work; a missing diatheke or SWORD directory is not an error (no Bibles, logged).</summary>
internal sealed class SwordOptionsValidator : IValidateOptions<SwordOptions>
{
    public ValidateOptionsResult Validate(string? name, SwordOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DiathekePath))
        {
            errors.Add("DiathekePath must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.SwordPath))
        {
            errors.Add("SwordPath must not be empty.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Timeout must be positive and at most 5 minutes.");
        }

        if (options.CacheSize < 0)
        {
            errors.Add("CacheSize must be zero (no cache) or positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
