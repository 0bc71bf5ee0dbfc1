namespace Babelcast.Server.Sessions;

/// <summary>
/// Rejects ids that read as offensive, including across word boundaries ("famous-hitch" reads "...shit..."
/// once the hyphen is gone), so it is checked on the whole id, not on the word lists.
/// </summary>
internal static class SessionIdBlocklist
{
    // Never innocent inside an id.
    private static readonly string[] Substrings =
    [
        "fuck", "shit", "cunt", "nigg", "fag", "rape", "porn", "slut", "whore", "bitch", "nazi", "piss", "twat",
        "wank", "kike", "retard", "dildo", "anus", "penis", "vagina", "boob", "tits", "sex", "suicide", "bomb",
        "terror", "jihad", "hitler", "kkk", "crap", "damn", "bastard", "slave", "stupid", "idiot", "dick", "cock",
        "666",
    ];

    // Offensive as a word but also inside innocent words ("classic", "canal", "shell"), so matched as whole parts.
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "ass", "anal", "hell", "cum", "tit", "poo", "spic", "gay", "fat", "ugly", "dumb", "dead", "die", "kill",
        "hate", "drug", "gun", "war", "weed", "butt", "hoe", "pimp", "jew", "gook", "wop",
    };

    public static bool IsBlocked(string id)
    {
        var joined = id.Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (var bad in Substrings)
        {
            if (id.Contains(bad, StringComparison.Ordinal) || joined.Contains(bad, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var part in id.Split('-'))
        {
            if (Words.Contains(part))
            {
                return true;
            }
        }

        return false;
    }
}
