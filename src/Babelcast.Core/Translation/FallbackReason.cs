namespace Babelcast.Core.Translation;

/// <summary>Why a better engine's answer was not used for a phrase (the <c>reason</c> tag of the fallback metric).</summary>
public static class FallbackReason
{
    /// <summary>The engine failed (HTTP error, refused connection, malformed response).</summary>
    public const string Error = "error";

    /// <summary>No answer within the per-phrase budget.</summary>
    public const string Timeout = "timeout";

    /// <summary>An empty or blank answer.</summary>
    public const string Empty = "empty";

    /// <summary>The source text came back unchanged.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The answer repeats the prompt or talks about the task instead of translating.</summary>
    public const string Echo = "echo";

    /// <summary>Far too long, undecodable characters, or the wrong script for the target language.</summary>
    public const string Garbage = "garbage";

    /// <summary>The answer is evidently in another language than the target (e.g. French or the source for Spanish).</summary>
    public const string WrongLanguage = "language";
}
