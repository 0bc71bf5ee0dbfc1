using System.Text;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Glossaries;

/// <summary>
/// Glossary entries as CSV (RFC 4180: commas, double quotes around fields that need them, "" for a quote inside):
/// a header <c>term,soundsLike,es,fr,...</c> (one column per target language), then one row per entry.
/// Empty cells mean no "sounds like" spelling and no rendering for that language.
/// </summary>
public static class GlossaryCsv
{
    public const string TermColumn = "term";
    public const string SoundsLikeColumn = "soundsLike";

    public static string Write(IReadOnlyList<GlossaryEntry> entries)
    {
        var languages = entries.SelectMany(e => e.Renderings.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        WriteRow(csv, [TermColumn, SoundsLikeColumn, .. languages]);
        foreach (var e in entries)
        {
            WriteRow(csv, [e.Term, e.SoundsLike ?? string.Empty, .. languages.Select(l => e.Renderings.TryGetValue(l, out var r) ? r : string.Empty)]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// The entries of a CSV document, or the reason it cannot be read (with its line number). Reading stops after
    /// <paramref name="maxEntries"/> + 1 entries, so that a document over the limit is refused by the limit's check.
    /// </summary>
    public static (IReadOnlyList<GlossaryEntry>? Entries, string? Error) Read(string text, int maxEntries)
    {
        var (rows, error) = Rows(text.TrimStart('\uFEFF'), maxEntries + 2);
        if (error is not null)
        {
            return (null, error);
        }

        if (rows.Count == 0)
        {
            return (null, "The CSV is empty: the first line must be the header term,soundsLike,<language>,...");
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        if (header.Count < 2 || !string.Equals(header[0], TermColumn, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(header[1], SoundsLikeColumn, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Line 1: the header must start with term,soundsLike followed by one column per language code.");
        }

        var entries = new List<GlossaryEntry>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.Count > header.Count)
            {
                return (null, $"Row {r + 1} has {row.Count} fields; the header has {header.Count}.");
            }

            var renderings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 2; c < row.Count; c++)
            {
                if (!string.IsNullOrWhiteSpace(row[c]))
                {
                    renderings[header[c]] = row[c].Trim();
                }
            }

            var soundsLike = row.Count > 1 && !string.IsNullOrWhiteSpace(row[1]) ? row[1].Trim() : null;
            entries.Add(new GlossaryEntry(row[0].Trim(), soundsLike, renderings));
        }

        return (entries, null);
    }

    private static void WriteRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var f = fields[i];
            csv.Append(f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f);
        }

        csv.Append("\r\n");
    }

    /// <summary>Splits the document into rows of fields; stops after <paramref name="maxRows"/> rows.</summary>
    private static (List<List<string>> Rows, string? Error) Rows(string text, int maxRows)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                line++;
                if (rows.Count >= maxRows)
                {
                    return (rows, null);
                }
            }
            else if (c == '"')
            {
                return (rows, $"Line {line}: a quote inside an unquoted field (quote the whole field and double the quote).");
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return (rows, $"Line {line}: a quoted field is not closed.");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return (rows, null);
    }
}
