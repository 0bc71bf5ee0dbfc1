using Microsoft.Extensions.Options;

namespace Babelcast.Audio.Lame;

internal sealed class LameOptionsValidator : IValidateOptions<LameOptions>
{
    public ValidateOptionsResult Validate(string? name, LameOptions options)
    {
        var errors = new List<string>();
        if (options.Bitrate is < 8 or > 320)
        {
            errors.Add($"{LameOptions.SectionName}:Bitrate must be 8-320 kbit/s (was {options.Bitrate}).");
        }

        if (options.Quality is < 0 or > 9)
        {
            errors.Add($"{LameOptions.SectionName}:Quality must be 0-9 (was {options.Quality}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
