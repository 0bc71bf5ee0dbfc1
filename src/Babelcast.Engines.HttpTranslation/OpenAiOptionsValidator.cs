using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.HttpTranslation;

internal sealed class OpenAiOptionsValidator(IOptions<EngineOptions> engines) : IValidateOptions<OpenAiOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAiOptions options)
    {
        if (!EngineSelection.IsChosen(engines.Value, HttpTranslationDefaults.OpenAiName))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        EngineSelection.CheckUrl(OpenAiOptions.SectionName + ":BaseUrl", options.BaseUrl, errors);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            errors.Add($"{OpenAiOptions.SectionName}:Model is required (the model name the server serves).");
        }

        if (options.ContextPhrases is < 0 or > 3)
        {
            errors.Add($"{OpenAiOptions.SectionName}:ContextPhrases must be 0 to 3.");
        }

        if (options.Temperature is < 0 or > 2)
        {
            errors.Add($"{OpenAiOptions.SectionName}:Temperature must be 0 to 2.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{OpenAiOptions.SectionName}:RequestTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
