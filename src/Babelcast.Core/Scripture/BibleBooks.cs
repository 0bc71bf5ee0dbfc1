using System.Globalization;

namespace Babelcast.Core.Scripture;

/// <summary>The 66 books and their versification, read once from the embedded table (scripts/generate-versification.py).</summary>
public static class BibleBooks
{
    private static readonly Lazy<IReadOnlyList<BibleBook>> Books = new(Load);

    private static readonly Lazy<Dictionary<string, BibleBook>> ByOsis =
        new(() => All.ToDictionary(b => b.OsisId, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<BibleBook> All => Books.Value;

    /// <summary>The book with this OSIS id (case-insensitive), or null.</summary>
    public static BibleBook? FindByOsis(string osisId) => ByOsis.Value.GetValueOrDefault(osisId);

    public static BibleBook GetByOsis(string osisId) =>
        FindByOsis(osisId) ?? throw new ArgumentException($"No book with OSIS id '{osisId}'.", nameof(osisId));

    private static IReadOnlyList<BibleBook> Load()
    {
        const string name = "Babelcast.Core.Scripture.versification-kjv.tsv";
        using var stream = typeof(BibleBooks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var books = new List<BibleBook>(66);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            var counts = fields[3].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            books.Add(new BibleBook(books.Count + 1, fields[0], fields[1], fields[2], counts));
        }

        return books.Count == 66 ? books : throw new InvalidOperationException($"{name} lists {books.Count} books, not 66.");
    }
}
