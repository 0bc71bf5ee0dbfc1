namespace Babelcast.Core.Storage;

/// <summary>
/// The rules every <see cref="IPhraseAudioStore"/> applies to its keys: session ids and languages hold only
/// <c>[a-z0-9-]</c> (languages are lower-cased first, so "pt-BR" is "pt-br"), at most 128 characters. They keep
/// file paths inside the audio root, and the database store applies them too so that a deployment can switch.
/// </summary>
public static class PhraseAudioKey
{
    public const int MaxSegmentLength = 128;

    public static string NormaliseLanguage(string? language) => language?.ToLowerInvariant() ?? string.Empty;

    public static bool IsValidSegment(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxSegmentLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when the session id or the already normalised language breaks the rules.</summary>
    /// <exception cref="ArgumentException">The session id or language holds characters outside [a-z0-9-].</exception>
    public static void ThrowIfInvalid(string sessionId, string normalisedLanguage, string? givenLanguage)
    {
        if (!IsValidSegment(sessionId) || !IsValidSegment(normalisedLanguage))
        {
            throw new ArgumentException($"Session id '{sessionId}' and language '{givenLanguage}' may hold only [a-z0-9-].", nameof(sessionId));
        }
    }
}
