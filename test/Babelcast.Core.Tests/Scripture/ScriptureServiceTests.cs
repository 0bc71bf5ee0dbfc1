using Babelcast.Core.Scripture;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Tests.Scripture;

public sealed class ScriptureServiceTests
{
    private static readonly BibleInfo Web = new("engWEB2015eb", "World English Bible", "en", "Public Domain");
    private static readonly BibleInfo Kjv = new("engKJV2006eb", "King James Version", "en", "Public Domain");
    private static readonly BibleInfo Rv = new("spaRV1909eb", "Reina Valera 1909", "es", "Public Domain");
    private static readonly BibleInfo Lsg = new("FreSegond", "Louis Segond", "fr", "Public Domain");
    private static readonly BibleInfo Almeida = new("PorAlmeida1911", "Almeida", "pt-BR", "Public Domain");

    [Theory]
    [InlineData("en", "engWEB2015eb")]
    [InlineData("en-US", "engWEB2015eb")]
    [InlineData("es", "spaRV1909eb")]
    [InlineData("fr", "FreSegond")]
    [InlineData("pt-BR", "PorAlmeida1911")]
    [InlineData("pt", "PorAlmeida1911")]
    public async Task ChooseBibleAsync_NothingConfigured_PrefersWebAndRv1909ThenAnyInTheLanguage(string language, string expected)
    {
        var service = Create(new ScriptureOptions(), Kjv, Web, Rv, Lsg, Almeida);

        Assert.Equal(expected, (await service.ChooseBibleAsync(language, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task ChooseBibleAsync_Configured_WinsOverThePreference()
    {
        var options = new ScriptureOptions();
        options.Bibles["en"] = "engKJV2006eb";
        var service = Create(options, Kjv, Web);

        Assert.Equal("engKJV2006eb", (await service.ChooseBibleAsync("en-GB", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task ChooseBibleAsync_ConfiguredButNotInstalled_FallsBackToAnInstalledOne()
    {
        var options = new ScriptureOptions();
        options.Bibles["en"] = "engBBE";
        var service = Create(options, Kjv);

        Assert.Equal("engKJV2006eb", (await service.ChooseBibleAsync("en", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task GetPassageAsync_NoBibleInTheLanguage_SaysSoWithoutAskingTheLibrary()
    {
        var library = new FakeLibrary([Web]);
        var service = new ScriptureService(Options.Create(new ScriptureOptions { Library = "fake" }), [library, new EmptyBibleLibrary()]);
        Assert.True(ScriptureReferenceParser.TryParse("John 3:16", out var reference, out _));

        var passage = await service.GetPassageAsync(reference, "de", CancellationToken.None);

        Assert.Equal(PassageStatus.NoBibleForLanguage, passage.Status);
        Assert.Contains("'de'", passage.Message, StringComparison.Ordinal);
        Assert.Empty(library.Requests);
    }

    [Fact]
    public async Task GetPassageAsync_BibleInTheLanguage_AsksTheLibraryForIt()
    {
        var library = new FakeLibrary([Web, Rv]);
        var service = new ScriptureService(Options.Create(new ScriptureOptions { Library = "FAKE" }), [library]);
        Assert.True(ScriptureReferenceParser.TryParse("John 3:16", out var reference, out _));

        var passage = await service.GetPassageAsync(reference, "es", CancellationToken.None);

        Assert.Equal(PassageStatus.Found, passage.Status);
        Assert.Equal([("spaRV1909eb", "John.3.16")], library.Requests);
    }

    [Fact]
    public void Constructor_UnknownLibrary_FailsWithTheValidNames()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            new ScriptureService(Options.Create(new ScriptureOptions { Library = "papyrus" }), [new FakeLibrary([]), new EmptyBibleLibrary()]));

        Assert.Contains("fake, none", error.Message, StringComparison.Ordinal);
    }

    private static ScriptureService Create(ScriptureOptions options, params BibleInfo[] bibles)
    {
        options.Library = "fake";
        return new ScriptureService(Options.Create(options), [new FakeLibrary(bibles)]);
    }

    private sealed class FakeLibrary(IReadOnlyList<BibleInfo> bibles) : IBibleLibrary
    {
        public List<(string, string)> Requests { get; } = [];

        public string Name => "fake";

        public ValueTask<IReadOnlyList<BibleInfo>> ListBiblesAsync(CancellationToken cancellationToken) => ValueTask.FromResult(bibles);

        public ValueTask<PassageLookup> GetPassageAsync(string bibleId, ScriptureReference reference, CancellationToken cancellationToken)
        {
            Requests.Add((bibleId, reference.Osis));
            var bible = bibles.Single(b => b.Id == bibleId);
            return ValueTask.FromResult(PassageLookup.Found(reference, bible, [new BibleVerse(reference.Chapter, reference.VerseStart ?? 1, "text")]));
        }
    }
}
