namespace Babelcast.Core.Scripture;

public enum PassageStatus
{
    /// <summary>The verses were read from the Bible.</summary>
    Found,

    /// <summary>No installed Bible is in the language: the caller machine-translates the English text and says so.</summary>
    NoBibleForLanguage,

    /// <summary>The Bible has no text for the reference (its versification differs, or the verse is empty).</summary>
    NoText,

    /// <summary>The Bible could not be read (the reader failed or timed out); retrying later may work.</summary>
    Unavailable,
}
