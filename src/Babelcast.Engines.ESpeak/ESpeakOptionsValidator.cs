using Microsoft.Extensions.Options;

namespace Babelcast.Engines.ESpeak;

internal sealed class ESpeakOptionsValidator : IValidateOptions<ESpeakOptions>
{
    public ValidateOptionsResult Validate(string? name, ESpeakOptions options)
    {
        var errors = new List<string>();
        if (options.BaseRate is < 80 or > 450)
        {
            errors.Add($"{ESpeakOptions.SectionName}:BaseRate must be 80-450 words per minute (was {options.BaseRate}).");
        }

        if (options.CliMaxProcesses < 0 || string.IsNullOrWhiteSpace(options.CliPath))
        {
            errors.Add($"{ESpeakOptions.SectionName}:CliPath must be set and CliMaxProcesses must be 0 or more.");
        }

        if (options.Voices.Count == 0)
        {
            errors.Add($"{ESpeakOptions.SectionName}:Voices must map at least one language to a voice.");
        }

        foreach (var (language, voice) in options.Voices)
        {
            if (string.IsNullOrWhiteSpace(language) || string.IsNullOrWhiteSpace(voice))
            {
                errors.Add($"{ESpeakOptions.SectionName}:Voices has an empty language or voice ('{language}' -> '{voice}').");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
