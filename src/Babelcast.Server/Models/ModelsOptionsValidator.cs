using Microsoft.Extensions.Options;

namespace Babelcast.Server.Models;

internal sealed class ModelsOptionsValidator : IValidateOptions<ModelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelsOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.BaseUrl))
        {
            failures.Add($"Babelcast:Models:BaseUrl must be an absolute http or https URL (was '{options.BaseUrl}').");
        }

        if (options.StallTimeout <= TimeSpan.Zero)
        {
            failures.Add("Babelcast:Models:StallTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
