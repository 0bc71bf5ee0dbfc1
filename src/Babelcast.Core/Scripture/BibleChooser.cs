namespace Babelcast.Core.Scripture;

/// <summary>Picks the Bible for a language among the installed ones: configured, then preferred, then any.</summary>
internal static class BibleChooser
{
    /// <summary>Built-in preferences: public-domain modern-ish texts over the KJV where both are installed.</summary>
    public static readonly IReadOnlyDictionary<string, string> Preferred = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "engWEB2015eb",
        ["es"] = "spaRV1909eb",
    };

    public static BibleInfo? Choose(IReadOnlyList<BibleInfo> bibles, string language, IReadOnlyDictionary<string, string> configured)
    {
        var primary = PrimarySubtag(language);
        foreach (var key in language.Equals(primary, StringComparison.OrdinalIgnoreCase) ? [language] : new[] { language, primary })
        {
            foreach (var table in new[] { configured, Preferred })
            {
                if (table.TryGetValue(key, out var id) && bibles.FirstOrDefault(b => b.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) is { } chosen)
                {
                    return chosen;
                }
            }
        }

        return bibles.Where(b => b.Language.Equals(language, StringComparison.OrdinalIgnoreCase)).OrderBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault()
            ?? bibles.Where(b => PrimarySubtag(b.Language).Equals(primary, StringComparison.OrdinalIgnoreCase)).OrderBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    private static string PrimarySubtag(string language)
    {
        var dash = language.IndexOfAny(['-', '_']);
        return dash < 0 ? language : language[..dash];
    }
}
