using System.Globalization;
using System.Text;

namespace Babelcast.Cluster.Redis;

/// <summary>One node's listener counts of a session as stored in the presence hash: "expiresAtMs|en=2,es=1".</summary>
internal static class PresenceValue
{
    public static string Write(long expiresAtMs, IReadOnlyDictionary<string, int> counts)
    {
        var text = new StringBuilder();
        text.Append(expiresAtMs.ToString(CultureInfo.InvariantCulture)).Append('|');
        var first = true;
        foreach (var (language, count) in counts)
        {
            if (!first)
            {
                text.Append(',');
            }

            text.Append(language).Append('=').Append(count.ToString(CultureInfo.InvariantCulture));
            first = false;
        }

        return text.ToString();
    }

    /// <summary>Adds the counts of <paramref name="value"/> to <paramref name="totals"/> unless they expired; false when malformed or expired.</summary>
    public static bool TryAdd(string value, long nowMs, Dictionary<string, int> totals)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !long.TryParse(value.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires < nowMs)
        {
            return false;
        }

        foreach (var pair in value[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && int.TryParse(pair.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
            {
                var language = pair[..equals];
                totals[language] = totals.GetValueOrDefault(language) + count;
            }
        }

        return true;
    }
}
