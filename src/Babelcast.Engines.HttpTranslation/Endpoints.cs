namespace Babelcast.Engines.HttpTranslation;

internal static class Endpoints
{
    /// <summary>The configured root with <paramref name="path"/> appended, whether or not the root ends with a slash.</summary>
    public static Uri Combine(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + "/" + path, UriKind.Absolute);
}
