namespace Babelcast.Engines.HttpTranslation;

/// <summary>
/// An OpenAI-compatible chat-completions server (Ollama, llama.cpp server, vLLM, a cloud provider), bound from
/// <c>Babelcast:Translation:OpenAi</c>. The key comes from configuration or the environment
/// (<c>Babelcast__Translation__OpenAi__ApiKey</c>) and is never logged.
/// </summary>
public sealed class OpenAiOptions
{
    public const string SectionName = "Babelcast:Translation:OpenAi";

    /// <summary>The API root that <c>/chat/completions</c> is appended to, e.g. <c>http://127.0.0.1:11434/v1</c> (Ollama).</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The model name the server knows, e.g. <c>qwen2.5:7b-instruct</c>.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Sent as <c>Authorization: Bearer</c> when set; local servers usually need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Ask for a streamed (server-sent events) answer; a server that answers with plain JSON is read as well.</summary>
    public bool Stream { get; set; } = true;

    /// <summary>How many previous phrases of the session go into the prompt as context (0 to 3).</summary>
    public int ContextPhrases { get; set; } = 2;

    public double Temperature { get; set; }

    /// <summary>Target languages this engine serves; empty means <see cref="HttpTranslationDefaults.Languages"/>.</summary>
    public List<string> Languages { get; } = [];

    /// <summary>Terms the model must keep exactly as written (names, titles, brand words).</summary>
    public List<string> Glossary { get; } = [];

    /// <summary>Bound on one HTTP call; the per-phrase budget (<c>Babelcast:Engines:Premium:TranslationBudget</c>) is usually shorter.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
