namespace Babelcast.Engines.HttpTranslation;

/// <summary>A LibreTranslate server, bound from <c>Babelcast:Translation:LibreTranslate</c>; the key is never logged.</summary>
public sealed class LibreTranslateOptions
{
    public const string SectionName = "Babelcast:Translation:LibreTranslate";

    /// <summary>The server root that <c>/translate</c> is appended to, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>api_key</c> when set (servers started with <c>--api-keys</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Target languages this engine serves; empty means <see cref="HttpTranslationDefaults.Languages"/>.</summary>
    public List<string> Languages { get; } = [];

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
