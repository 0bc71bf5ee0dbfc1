using Babelcast.Core.Pipeline;

namespace Babelcast.Engines.HttpTranslation;

internal static class EngineSelection
{
    /// <summary>Whether configuration picks <paramref name="name"/> for either tier: only then must its settings be complete.</summary>
    public static bool IsChosen(EngineOptions engines, string name) =>
        string.Equals(engines.Translation?.Trim(), name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(engines.Premium.Translation?.Trim(), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The problems of a server root URL, named by its configuration key; the value itself is not repeated.</summary>
    public static void CheckUrl(string key, string value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required when this engine is chosen (Babelcast:Engines:Translation or Babelcast:Engines:Premium:Translation).");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{key} must be an absolute http:// or https:// URL.");
        }
    }
}
