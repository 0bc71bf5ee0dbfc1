namespace Babelcast.Core.Scripture;

/// <summary>
/// The English names and abbreviations of the 66 books. Numbered books are named without their number
/// ("corinthians" with ordinal 1 or 2); the parser reads the number in front ("1", "first", "I", "1st").
/// Abbreviations that are common words ("Is", "Am", "Job" is a name anyway) are left out on purpose.
/// </summary>
internal static class BookNames
{
    private static readonly (string Osis, BookNameKind Kind, int Ordinal, string Names, string Abbreviations)[] Table =
    [
        ("Gen", BookNameKind.Distinct, 0, "genesis", "gen|gn"),
        ("Exod", BookNameKind.Distinct, 0, "exodus", "exod|exo"),
        ("Lev", BookNameKind.Distinct, 0, "leviticus", "lev|lv"),
        ("Num", BookNameKind.Word, 0, "numbers", "num|nm"),
        ("Deut", BookNameKind.Distinct, 0, "deuteronomy", "deut|dt"),
        ("Josh", BookNameKind.Name, 0, "joshua", "josh"),
        ("Judg", BookNameKind.Word, 0, "judges", "judg|jdg"),
        ("Ruth", BookNameKind.Name, 0, "ruth", ""),
        ("1Sam", BookNameKind.Name, 1, "samuel", "sam|sm"),
        ("2Sam", BookNameKind.Name, 2, "samuel", "sam|sm"),
        ("1Kgs", BookNameKind.Word, 1, "kings", "kgs|kin"),
        ("2Kgs", BookNameKind.Word, 2, "kings", "kgs|kin"),
        ("1Chr", BookNameKind.Distinct, 1, "chronicles", "chr|chron"),
        ("2Chr", BookNameKind.Distinct, 2, "chronicles", "chr|chron"),
        ("Ezra", BookNameKind.Name, 0, "ezra", "ezr"),
        ("Neh", BookNameKind.Distinct, 0, "nehemiah", "neh"),
        ("Esth", BookNameKind.Name, 0, "esther", "esth|est"),
        ("Job", BookNameKind.Word, 0, "job", ""),
        ("Ps", BookNameKind.Distinct, 0, "psalm|psalms", "ps|psa|pss|psalm"),
        ("Prov", BookNameKind.Distinct, 0, "proverbs", "prov|prv"),
        ("Eccl", BookNameKind.Distinct, 0, "ecclesiastes|qoheleth", "eccl|eccles|ecc|qoh"),
        ("Song", BookNameKind.Word, 0, "song of solomon|song of songs|songs of solomon|song of songs of solomon|canticles", "sos|cant"),
        ("Isa", BookNameKind.Distinct, 0, "isaiah", "isa"),
        ("Jer", BookNameKind.Distinct, 0, "jeremiah", "jer|jr"),
        ("Lam", BookNameKind.Distinct, 0, "lamentations", "lam"),
        ("Ezek", BookNameKind.Distinct, 0, "ezekiel", "ezek|eze|ezk"),
        ("Dan", BookNameKind.Name, 0, "daniel", "dan|dn"),
        ("Hos", BookNameKind.Name, 0, "hosea", "hos"),
        ("Joel", BookNameKind.Name, 0, "joel", "jl"),
        ("Amos", BookNameKind.Name, 0, "amos", ""),
        ("Obad", BookNameKind.Distinct, 0, "obadiah", "obad|ob"),
        ("Jonah", BookNameKind.Name, 0, "jonah", "jon|jnh"),
        ("Mic", BookNameKind.Name, 0, "micah", "mic"),
        ("Nah", BookNameKind.Name, 0, "nahum", "nah"),
        ("Hab", BookNameKind.Distinct, 0, "habakkuk", "hab|hb"),
        ("Zeph", BookNameKind.Distinct, 0, "zephaniah", "zeph|zep"),
        ("Hag", BookNameKind.Distinct, 0, "haggai", "hag|hg"),
        ("Zech", BookNameKind.Distinct, 0, "zechariah", "zech|zec"),
        ("Mal", BookNameKind.Distinct, 0, "malachi", "mal"),
        ("Matt", BookNameKind.Name, 0, "matthew", "matt|mt"),
        ("Mark", BookNameKind.Word, 0, "mark", "mk|mrk"),
        ("Luke", BookNameKind.Name, 0, "luke", "lk|luk"),
        ("John", BookNameKind.Name, 0, "john", "jn|jhn"),
        ("Acts", BookNameKind.Word, 0, "acts|acts of the apostles", "ac"),
        ("Rom", BookNameKind.Distinct, 0, "romans", "rom|rm"),
        ("1Cor", BookNameKind.Distinct, 1, "corinthians", "cor|co"),
        ("2Cor", BookNameKind.Distinct, 2, "corinthians", "cor|co"),
        ("Gal", BookNameKind.Distinct, 0, "galatians", "gal"),
        ("Eph", BookNameKind.Distinct, 0, "ephesians", "eph"),
        ("Phil", BookNameKind.Distinct, 0, "philippians", "phil|php|pp"),
        ("Col", BookNameKind.Distinct, 0, "colossians", "col"),
        ("1Thess", BookNameKind.Distinct, 1, "thessalonians", "thess|thes|th"),
        ("2Thess", BookNameKind.Distinct, 2, "thessalonians", "thess|thes|th"),
        ("1Tim", BookNameKind.Name, 1, "timothy", "tim|tm"),
        ("2Tim", BookNameKind.Name, 2, "timothy", "tim|tm"),
        ("Titus", BookNameKind.Name, 0, "titus", "tit"),
        ("Phlm", BookNameKind.Distinct, 0, "philemon", "phlm|philem|phm"),
        ("Heb", BookNameKind.Distinct, 0, "hebrews", "heb"),
        ("Jas", BookNameKind.Name, 0, "james", "jas|jm"),
        ("1Pet", BookNameKind.Name, 1, "peter", "pet|pt"),
        ("2Pet", BookNameKind.Name, 2, "peter", "pet|pt"),
        ("1John", BookNameKind.Name, 1, "john", "jn|jhn|jo"),
        ("2John", BookNameKind.Name, 2, "john", "jn|jhn|jo"),
        ("3John", BookNameKind.Name, 3, "john", "jn|jhn|jo"),
        ("Jude", BookNameKind.Name, 0, "jude", "jud"),
        ("Rev", BookNameKind.Word, 0, "revelation|revelations|revelation of john|apocalypse", "rev|rv"),
    ];

    /// <summary>Every name, longest first so that "song of songs" wins over a shorter match.</summary>
    public static IReadOnlyList<BookName> All { get; } = Build();

    private static List<BookName> Build()
    {
        var names = new List<BookName>();
        foreach (var (osis, kind, ordinal, full, abbreviations) in Table)
        {
            names.AddRange(full.Split('|').Select(n => new BookName(osis, n.Split(' '), ordinal, kind, false)));
            names.AddRange(abbreviations.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(a => new BookName(osis, [a], ordinal, kind, true)));
        }

        return [.. names.OrderByDescending(n => n.Words.Length)];
    }
}
