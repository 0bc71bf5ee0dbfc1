using Babelcast.Core.Languages;
using Babelcast.Server.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.I18n;

/// <summary>
/// The listener pages read their words from wwwroot/i18n/{lang}.json with English as the fallback: every language the
/// server offers has a complete file, and every key the pages use exists in English.
/// </summary>
[Collection(HttpServerCollection.Name)]
public sealed class MessageFileTests(HttpServerFixture fixture)
{
    private const string English = "en";

    /// <summary>Words that several target languages write exactly as English does.</summary>
    private static readonly HashSet<string> SharedWords = new(StringComparer.Ordinal) { "Error", "Volume" };

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> Files = MessageFiles.ReadAll();

    private static IReadOnlyDictionary<string, string?> EnglishMessages => Files[English];

    [Fact]
    public void LanguageFiles_EveryEnglishKey_PresentAndNotEmpty()
    {
        Assert.True(Files.ContainsKey(English), "wwwroot/i18n/en.json is missing");
        Assert.NotEmpty(EnglishMessages);
        var gaps = Files
            .SelectMany(f => EnglishMessages.Keys
                .Where(k => !f.Value.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text))
                .Select(k => $"{f.Key}.json: {k}"))
            .ToList();
        Assert.True(gaps.Count == 0, "missing or empty: " + string.Join(", ", gaps));
    }

    [Fact]
    public void LanguageFiles_KeysAndPlaceholders_MatchEnglish()
    {
        var problems = new List<string>();
        foreach (var (lang, messages) in Files)
        {
            problems.AddRange(messages.Keys.Where(k => !EnglishMessages.ContainsKey(k)).Select(k => $"{lang}.json: {k} is not in en.json"));
            foreach (var (key, english) in EnglishMessages)
            {
                if (messages.TryGetValue(key, out var text) && text is not null && english is not null
                    && !MessageFiles.Placeholders(text).SetEquals(MessageFiles.Placeholders(english)))
                {
                    problems.Add($"{lang}.json: {key} has placeholders other than {string.Join(" ", MessageFiles.Placeholders(english))}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void LanguageFiles_NoMessageLeftInEnglish_ExceptSharedWords()
    {
        var copied = Files.Where(f => f.Key != English)
            .SelectMany(f => EnglishMessages
                .Where(e => f.Value.TryGetValue(e.Key, out var text) && text == e.Value && !SharedWords.Contains(e.Value ?? ""))
                .Select(e => $"{f.Key}.json: {e.Key}"))
            .ToList();
        Assert.True(copied.Count == 0, "still in English: " + string.Join(", ", copied));
    }

    [Fact]
    public void LanguageFiles_OfferedLanguages_OneFileEachAndNoOther()
    {
        var catalog = fixture.Server.Services.GetRequiredService<ILanguageCatalog>();
        var offered = catalog.AllTargets.Select(l => l.Code).Concat(catalog.Sources.Select(l => l.Code))
            .Select(c => c.ToLowerInvariant()).Append(English).ToHashSet(StringComparer.Ordinal);

        var withoutFile = offered.Where(c => !Files.ContainsKey(c) && !Files.ContainsKey(c.Split('-')[0])).Order().ToList();
        var notOffered = Files.Keys.Where(f => !offered.Contains(f) && !offered.Any(c => c.Split('-')[0] == f)).ToList();
        Assert.True(withoutFile.Count == 0, "offered without a message file: " + string.Join(", ", withoutFile));
        Assert.True(notOffered.Count == 0, "message file for a language the server does not offer: " + string.Join(", ", notOffered));
    }

    [Fact]
    public void I18nModule_UiLanguages_AreExactlyTheFiles()
    {
        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), MessageFiles.ModuleLanguages().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PagesAndScripts_EveryUsedKey_ExistsInEnglish()
    {
        var used = MessageFiles.UsedKeys();
        Assert.Contains(used, u => u.File == "join.html");
        Assert.Contains(used, u => u.File.EndsWith("listener.js", StringComparison.Ordinal));

        // A count parameter selects a plural form: t('key', { count }) reads key.one / key.other.
        var unknown = used
            .Where(u => !EnglishMessages.ContainsKey(u.Key) && !EnglishMessages.ContainsKey(u.Key + ".other"))
            .Select(u => $"{u.Key} ({u.File})")
            .Distinct()
            .ToList();
        Assert.True(unknown.Count == 0, "keys missing from en.json: " + string.Join(", ", unknown));
    }
}
