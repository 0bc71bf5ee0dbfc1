using System.Text.RegularExpressions;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Protocol;

/// <summary>Codes and message types are written only in the catalogue (Babelcast.Core/Protocol); the web pages use the same names.</summary>
public sealed partial class ProtocolLiteralTests
{
    private static readonly string CatalogueDirectory = Path.Combine("src", "Babelcast.Core", "Protocol") + Path.DirectorySeparatorChar;

    // Literals that equal a catalogue value by coincidence, not as protocol names.
    private static readonly HashSet<(string File, string Literal)> Coincidences =
    [
        ("src/Babelcast.Storage.Sqlite/SqliteStorageOptionsSetup.cs", "audio"), // the audio store's directory
        ("bench/Babelcast.Bench/Scenarios/LatencyReport.cs", "transcript"), // report column headings
        ("bench/Babelcast.Bench/Scenarios/LatencyReport.cs", "caption"),
        ("src/Babelcast.Server/Health/HealthServiceCollectionExtensions.cs", "scripture"), // the health check's name in /healthz
    ];

    [Fact]
    public void SourceFiles_CatalogueValuesAsLiterals_OnlyInTheCatalogue()
    {
        var files = SourceFiles("src").Concat(SourceFiles("bench")).ToList();
        Assert.True(files.Count > 50, $"only {files.Count} source files found under {TestData.RepositoryRoot}");

        var offending = files
            .Where(f => !f.Relative.StartsWith(CatalogueDirectory, StringComparison.Ordinal))
            .SelectMany(f => StringLiteralScanner.Literals(File.ReadAllText(f.Full))
                .Where(Catalogue.AllValues.Contains)
                .Where(l => !Coincidences.Contains((f.Relative.Replace('\\', '/'), l)))
                .Select(l => $"{f.Relative}: \"{l}\""))
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0,
            "Use the constants of Babelcast.Core.Protocol (ErrorCodes, MessageTypes) instead of these literals:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void WebPages_CodesAndTypes_AreInTheCatalogue()
    {
        var js = Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "src", "Babelcast.Server", "wwwroot", "js"), "*.js")
            .Select(File.ReadAllText).ToList();

        var codes = js.SelectMany(t => QuotedCode().Matches(t)).Select(m => m.Groups[1].Value)
            .Where(c => c is not ("DELETE" or "PATCH" or "POST" or "GET" or "PUT")).ToHashSet();
        var received = js.SelectMany(t => CaseLabel().Matches(t)).Select(m => m.Groups[1].Value).ToHashSet();
        var sent = js.SelectMany(t => SentMessage().Matches(t))
            .SelectMany(m => QuotedName().Matches(m.Groups[1].Value)).Select(m => m.Groups[1].Value).ToHashSet();

        // The pages must still be recognisable to this test: it would pass vacuously if the patterns stopped matching.
        Assert.Contains("SESSION_ENDED", codes);
        Assert.Contains("caption", received);
        Assert.Contains("changeLanguage", sent);
        Assert.Empty(codes.Except(Catalogue.ErrorCodeValues));
        Assert.Empty(received.Concat(sent).Except(Catalogue.MessageTypeValues));
    }

    private static IEnumerable<(string Full, string Relative)> SourceFiles(string top) =>
        Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot, top), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(TestData.RepositoryRoot, f)))
            .Where(f => !f.Relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"));

    [GeneratedRegex("'([A-Z][A-Z_]{3,})'")]
    private static partial Regex QuotedCode();

    [GeneratedRegex(@"case '([a-z][A-Za-z]+)':")]
    private static partial Regex CaseLabel();

    [GeneratedRegex(@"send\(\{ ?type: ([^,}]+)")]
    private static partial Regex SentMessage();

    [GeneratedRegex("'([a-zA-Z]+)'")]
    private static partial Regex QuotedName();
}
