namespace Babelcast.Core.Scripture;

/// <summary>The answer to a passage request: the verses, or why there are none (an expected outcome, not an exception).</summary>
public sealed record PassageLookup(PassageStatus Status, ScriptureReference Reference, BibleInfo? Bible, IReadOnlyList<BibleVerse> Verses, string? Message)
{
    public static PassageLookup Found(ScriptureReference reference, BibleInfo bible, IReadOnlyList<BibleVerse> verses) =>
        new(PassageStatus.Found, reference, bible, verses, null);

    public static PassageLookup NoBible(ScriptureReference reference, string language) =>
        new(PassageStatus.NoBibleForLanguage, reference, null, [], $"No Bible is installed for language '{language}'.");

    public static PassageLookup NoText(ScriptureReference reference, BibleInfo bible) =>
        new(PassageStatus.NoText, reference, bible, [], $"{bible.Name} has no text for {reference.Display}.");

    public static PassageLookup Unavailable(ScriptureReference reference, BibleInfo bible, string message) =>
        new(PassageStatus.Unavailable, reference, bible, [], message);
}
