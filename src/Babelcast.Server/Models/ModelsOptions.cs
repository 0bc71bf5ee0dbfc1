namespace Babelcast.Server.Models;

/// <summary>Settings of <c>babelcast models</c> (section "Babelcast:Models"). The server itself never downloads.</summary>
public sealed class ModelsOptions
{
    public const string Section = "Babelcast:Models";
    public const string DefaultBaseUrl = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

    /// <summary>Where <c>models download</c> fetches FILE from: BASE/FILE (a mirror of the same layout works).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>A JSON table of models to use instead of the built-in one; empty = built in.</summary>
    public string? Catalog { get; set; }

    /// <summary>A download that receives nothing for this long is abandoned (the partial file is kept).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
