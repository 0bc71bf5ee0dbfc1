using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Tests.Languages;

public sealed class LanguageCatalogTests
{
    // Like apertium + espeak-ng: Galician and Occitan are reachable but have no voice.
    private static LanguageCatalog Create(string[] sources, Dictionary<string, string[]> targets, string[] voices) =>
        new(new EngineSet(
            Options.Create(new EngineOptions { Recognition = "asr", Translation = "mt", Synthesis = "tts", Encoding = "enc" }),
            [new FakeRecognizerFactory("asr", sources)],
            [new FakeTranslator("mt", targets)],
            [new FakeSynthesizer("tts", voices)],
            [new FakeEncoder("enc")]));

    private static readonly Dictionary<string, string[]> ApertiumLike = new()
    {
        ["en"] = ["es", "ca", "gl", "eo", "fr", "oc", "pt"],
        ["es"] = ["en", "ca", "gl"],
    };

    [Fact]
    public void TargetsFor_Source_IsSourceFirstThenVoicedTranslatorTargetsByName()
    {
        var catalog = Create(["en"], ApertiumLike, ["en", "es", "ca", "eo", "fr", "pt", "de"]);

        var targets = catalog.TargetsFor("en");

        Assert.Equal(["en", "ca", "eo", "fr", "pt", "es"], targets.Select(t => t.Code));
        Assert.Equal(["English", "Catalan", "Esperanto", "French", "Portuguese", "Spanish"], targets.Select(t => t.Name));
    }

    [Fact]
    public void TargetsFor_SourceWithoutVoice_LeavesSourceOut()
    {
        var catalog = Create(["en"], ApertiumLike, ["es", "fr"]);

        Assert.Equal(["fr", "es"], catalog.TargetsFor("en").Select(t => t.Code));
    }

    [Fact]
    public void TargetsFor_VoiceLanguagesInOtherCase_StillMatch()
    {
        var catalog = Create(["en"], new() { ["en"] = ["PT", "es"] }, ["EN", "pt", "ES"]);

        Assert.Equal(["en", "PT", "es"], catalog.TargetsFor("EN").Select(t => t.Code));
    }

    [Fact]
    public void TargetsFor_TranslatorRepeatsSource_ListsItOnce()
    {
        var catalog = Create(["en"], new() { ["en"] = ["en", "es", "es"] }, ["en", "es"]);

        Assert.Equal(["en", "es"], catalog.TargetsFor("en").Select(t => t.Code));
    }

    [Fact]
    public void TargetsFor_UnknownSource_IsEmpty()
    {
        var catalog = Create(["en"], ApertiumLike, ["en", "es"]);

        Assert.Empty(catalog.TargetsFor("es"));
        Assert.Empty(catalog.TargetsFor("xx"));
    }

    [Fact]
    public void TargetsFor_NoTranslatorTargets_IsSourceOnly()
    {
        var catalog = Create(["en"], [], ["en", "es"]);

        Assert.Equal(["en"], catalog.TargetsFor("en").Select(t => t.Code));
    }

    [Fact]
    public void AllTargets_SeveralSources_IsDistinctUnionByName()
    {
        var catalog = Create(["en", "es"], ApertiumLike, ["en", "es", "ca", "fr"]);

        Assert.Equal(["ca", "en", "fr", "es"], catalog.AllTargets.Select(t => t.Code));
    }

    [Fact]
    public void Sources_AreTheRecognizerLanguages()
    {
        var catalog = Create(["en", "es"], ApertiumLike, ["en"]);

        Assert.Equal(["en", "es"], catalog.Sources.Select(s => s.Code));
        Assert.True(catalog.IsSource("en"));
        Assert.True(catalog.IsSource("ES"));
        Assert.False(catalog.IsSource("fr"));
    }

    [Fact]
    public void LanguageNames_UnknownCode_FallsBackToCode()
    {
        Assert.Equal("Portuguese (Brazil)", LanguageNames.Get("pt-br"));
        Assert.Equal(new LanguageInfo("xx", "xx"), LanguageNames.Info("xx"));
    }
}
