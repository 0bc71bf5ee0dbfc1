using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.HttpTranslation;

internal sealed class LibreTranslateOptionsValidator(IOptions<EngineOptions> engines) : IValidateOptions<LibreTranslateOptions>
{
    public ValidateOptionsResult Validate(string? name, LibreTranslateOptions options)
    {
        if (!EngineSelection.IsChosen(engines.Value, HttpTranslationDefaults.LibreTranslateName))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        EngineSelection.CheckUrl(LibreTranslateOptions.SectionName + ":BaseUrl", options.BaseUrl, errors);
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{LibreTranslateOptions.SectionName}:RequestTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
