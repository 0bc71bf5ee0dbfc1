using Babelcast.Core.Scripture;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>An unknown library name fails at start-up with the valid names; a Bible id per language must not be empty.</summary>
internal sealed class ScriptureOptionsValidator(IEnumerable<IBibleLibrary> libraries) : IValidateOptions<ScriptureOptions>
{
    public ValidateOptionsResult Validate(string? name, ScriptureOptions options)
    {
        var errors = new List<string>();
        var names = libraries.Select(l => l.Name).ToList();
        if (!names.Contains(options.Library, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{ScriptureOptions.Section}:Library = '{options.Library}' is not a known Bible library; valid names: {string.Join(", ", names)}");
        }

        foreach (var (language, bible) in options.Bibles)
        {
            if (string.IsNullOrWhiteSpace(bible))
            {
                errors.Add($"{ScriptureOptions.Section}:Bibles:{language} must name a module id.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
