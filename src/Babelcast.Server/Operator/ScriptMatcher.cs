namespace Babelcast.Server.Operator;

/// <summary>Where the speaker is in the prepared text: the line expected next, how many of its words were read, and whether it went out.</summary>
internal readonly record struct FollowPosition(int Cue, int Offset, bool Sent)
{
    public static readonly FollowPosition Start = new(0, 0, false);
}

/// <summary>A phrase read from the script: the lines to send (none: it read the rest of a line already sent), where the speaker is after it, its similarity.</summary>
internal sealed record FollowMatch(IReadOnlyList<int> Send, FollowPosition Next, double Score);

/// <summary>
/// Matches a recognised phrase against the prepared text at and just after the speaker's position: a word-level
/// alignment (Levenshtein, a near-miss word costing less than a wrong one) of the whole phrase with the script from a
/// line's start (or from inside the line the speaker is in), ending anywhere, so that one phrase may read several short
/// lines or part of a long one. Words before or after the script's (an aside) count as errors.
/// </summary>
internal sealed class ScriptMatcher
{
    /// <summary>How far a phrase may run past its first line, in lines and words: a breath does not read a page.</summary>
    private const int MaxSpanCues = 8;

    private const int MaxSpanWords = 300;

    /// <summary>A small preference for the line expected over one further on when both read alike (a repeated chorus).</summary>
    private const double SkipPenalty = 0.02;

    private readonly List<string>[] _cues;

    public ScriptMatcher(IEnumerable<string> cues) => _cues = [.. cues.Select(ScriptWords.Of)];

    public int CueCount => _cues.Length;

    /// <summary>The match, or null (the phrase goes out as speech); <paramref name="best"/> is the best similarity seen, for the logs.</summary>
    public FollowMatch? Match(FollowPosition at, string recognised, FollowOptions options, out double best)
    {
        best = 0;
        var heard = ScriptWords.Of(recognised);
        if (heard.Count == 0 || at.Cue >= _cues.Length)
        {
            return null;
        }

        FollowMatch? chosen = null;
        var chosenRank = double.MinValue;
        var last = Math.Min(_cues.Length - 1, at.Cue + options.LookAhead + (at.Offset > 0 ? 1 : 0));
        for (var cue = at.Cue; cue <= last; cue++)
        {
            var offset = cue == at.Cue ? at.Offset : 0;
            if (offset >= _cues[cue].Count && cue == at.Cue)
            {
                continue;
            }

            var candidate = Align(at, cue, offset, heard, options, out var score);
            best = Math.Max(best, score);
            if (candidate is null)
            {
                continue;
            }

            var skipped = Math.Max(0, cue - at.Cue - (at.Offset > 0 ? 1 : 0));
            var rank = candidate.Score - (SkipPenalty * skipped);
            if (candidate.Score >= options.Threshold && rank > chosenRank)
            {
                chosen = candidate;
                chosenRank = rank;
            }
        }

        return chosen;
    }

    private FollowMatch? Align(FollowPosition at, int firstCue, int offset, List<string> heard, FollowOptions options, out double score)
    {
        score = 0;
        var script = new List<(string Word, int Cue, int Index)>();
        for (var c = firstCue; c < _cues.Length && c <= firstCue + MaxSpanCues && script.Count < MaxSpanWords; c++)
        {
            for (var i = c == firstCue ? offset : 0; i < _cues[c].Count; i++)
            {
                script.Add((_cues[c][i], c, i));
            }
        }

        if (script.Count == 0)
        {
            return null;
        }

        var (end, cost, credit) = Best(heard, script);
        if (end == 0)
        {
            return null;
        }

        score = 1 - (cost / Math.Max(heard.Count, end));
        var lastCue = script[end - 1].Cue;
        var available = 0;
        for (var c = firstCue; c <= lastCue; c++)
        {
            available += _cues[c].Count - (c == firstCue ? offset : 0);
        }

        if (credit < Math.Min(options.MinWords, available))
        {
            return null;
        }

        var send = new List<int>();
        for (var c = firstCue; c <= lastCue; c++)
        {
            var sentAlready = c == at.Cue && at.Sent;
            var read = c == lastCue ? script[end - 1].Index + 1 : _cues[c].Count;
            if (!sentAlready && (c < lastCue || read >= options.CueCompletion * _cues[c].Count))
            {
                send.Add(c);
            }
        }

        var lastSent = (lastCue == at.Cue && at.Sent) || send.Contains(lastCue);
        if (send.Count == 0 && !lastSent)
        {
            // The phrase only began a long line: it goes out now rather than the words being lost if the speaker stops there.
            send.Add(lastCue);
            lastSent = true;
        }

        var readOfLast = script[end - 1].Index + 1;
        var next = readOfLast >= _cues[lastCue].Count ? new FollowPosition(lastCue + 1, 0, false) : new FollowPosition(lastCue, readOfLast, lastSent);
        return new FollowMatch(send, next, score);
    }

    /// <summary>
    /// The end in the script (words taken) that best explains every heard word: its edit cost and the credit of the
    /// words matched. The script's start is fixed, its end free; a heard word not in the script costs 1.
    /// </summary>
    private static (int End, double Cost, double Credit) Best(List<string> heard, List<(string Word, int Cue, int Index)> script)
    {
        var n = script.Count;
        var cost = new double[n + 1];
        var credit = new double[n + 1];
        for (var j = 0; j <= n; j++)
        {
            cost[j] = j;
        }

        var nextCost = new double[n + 1];
        var nextCredit = new double[n + 1];
        foreach (var word in heard)
        {
            nextCost[0] = cost[0] + 1;
            nextCredit[0] = 0;
            for (var j = 1; j <= n; j++)
            {
                var similarity = WordSimilarity(word, script[j - 1].Word);
                var (c, k) = (cost[j - 1] + 1 - similarity, credit[j - 1] + similarity);
                if (cost[j] + 1 < c || (cost[j] + 1 == c && credit[j] > k))
                {
                    (c, k) = (cost[j] + 1, credit[j]);
                }

                if (nextCost[j - 1] + 1 < c || (nextCost[j - 1] + 1 == c && nextCredit[j - 1] > k))
                {
                    (c, k) = (nextCost[j - 1] + 1, nextCredit[j - 1]);
                }

                nextCost[j] = c;
                nextCredit[j] = k;
            }

            (cost, nextCost) = (nextCost, cost);
            (credit, nextCredit) = (nextCredit, credit);
        }

        var (end, bestScore) = (0, double.MinValue);
        for (var j = 1; j <= n; j++)
        {
            var score = 1 - (cost[j] / Math.Max(heard.Count, j));
            if (score > bestScore)
            {
                (end, bestScore) = (j, score);
            }
        }

        return (end, cost[end], credit[end]);
    }

    /// <summary>1 for the same word, the share of letters in common for a near miss ("shepherd"/"shepard"), else 0.</summary>
    internal static double WordSimilarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (longer < 4)
        {
            return 0; // "the"/"a": short words that differ are different words.
        }

        var similarity = 1 - ((double)Levenshtein(a, b) / longer);
        return similarity >= 0.6 ? similarity * 0.8 : 0;
    }

    private static int Levenshtein(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
