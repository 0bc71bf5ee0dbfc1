using Babelcast.Core.Audio;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Recognition;
using Babelcast.Core.Sessions;
using Babelcast.Core.Synthesis;
using Babelcast.Core.Tests.Fakes;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Tests.Pipeline;

public sealed class EngineSetTests
{
    private static readonly ISpeechRecognizerFactory[] Recognizers = [new FakeRecognizerFactory("pocketsphinx", "en"), new FakeRecognizerFactory("vosk", "en")];
    private static readonly ITranslator[] Translators = [new FakeTranslator("apertium", []), new FakeTranslator("libre", [])];
    private static readonly ISpeechSynthesizer[] Synthesizers = [new FakeSynthesizer("espeak", "en"), new FakeSynthesizer("flite", "en")];
    private static readonly IAudioEncoder[] Encoders = [new FakeEncoder("lame"), new FakeEncoder("opus")];

    [Fact]
    public void Constructor_DefaultNames_PicksDefaultEngines()
    {
        var set = Create(new EngineOptions());

        Assert.Same(Recognizers[0], set.Recognizer);
        Assert.Same(Translators[0], set.Translator);
        Assert.Same(Synthesizers[0], set.Synthesizer);
        Assert.Same(Encoders[0], set.Encoder);
    }

    [Fact]
    public void Constructor_NamesInAnyCase_PicksNamedEngines()
    {
        var set = Create(new EngineOptions { Recognition = "VOSK", Translation = "Libre", Synthesis = "flite", Encoding = "Opus" });

        Assert.Same(Recognizers[1], set.Recognizer);
        Assert.Same(Translators[1], set.Translator);
        Assert.Same(Synthesizers[1], set.Synthesizer);
        Assert.Same(Encoders[1], set.Encoder);
    }

    [Theory]
    [InlineData("Recognition", "pocketsphinx, vosk")]
    [InlineData("Translation", "apertium, libre")]
    [InlineData("Synthesis", "espeak, flite")]
    [InlineData("Encoding", "lame, opus")]
    public void Constructor_UnknownName_ThrowsOptionsValidationListingValidNames(string stage, string validNames)
    {
        var options = new EngineOptions();
        typeof(EngineOptions).GetProperty(stage)!.SetValue(options, "whisper");

        var ex = Assert.Throws<OptionsValidationException>(() => Create(options));

        Assert.Equal($"Babelcast:Engines:{stage}", ex.OptionsName);
        Assert.Equal(typeof(EngineOptions), ex.OptionsType);
        Assert.Contains("'whisper'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"valid names: {validNames}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoEngineRegistered_ThrowsOptionsValidation()
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
            new EngineSet(Options.Create(new EngineOptions()), [], Translators, Synthesizers, Encoders));

        Assert.Contains("pocketsphinx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoPremium_PremiumTierGetsTheStandardEngines()
    {
        var set = Create(new EngineOptions());

        Assert.False(set.HasPremium);
        Assert.Same(Translators[0], set.TranslatorFor(QualityTier.Premium));
        Assert.Same(Recognizers[0], set.RecognizerFor(QualityTier.Premium));
    }

    [Fact]
    public void Constructor_PremiumEngines_ServePremiumOnly_TranslationBehindTheStandardOne()
    {
        var set = Create(new EngineOptions { Premium = { Translation = "Libre", Recognition = "vosk" } });

        Assert.True(set.HasPremium);
        var chain = Assert.IsType<FallbackTranslator>(set.TranslatorFor(QualityTier.Premium));
        Assert.Same(Translators[1], chain.Primary);
        Assert.Same(Translators[0], chain.Fallback);
        Assert.Equal(TimeSpan.FromSeconds(1.5), chain.Budget);
        Assert.Same(Recognizers[1], set.RecognizerFor(QualityTier.Premium));
        Assert.Same(Translators[0], set.TranslatorFor(QualityTier.Standard));
        Assert.Same(Recognizers[0], set.RecognizerFor(QualityTier.Standard));
    }

    [Theory]
    [InlineData("Translation")]
    [InlineData("Recognition")]
    public void Constructor_UnknownPremiumName_ThrowsNamingThePremiumKey(string stage)
    {
        var options = new EngineOptions();
        typeof(PremiumEngineOptions).GetProperty(stage)!.SetValue(options.Premium, "gpt-9");

        var ex = Assert.Throws<OptionsValidationException>(() => Create(options));

        Assert.Equal($"Babelcast:Engines:Premium:{stage}", ex.OptionsName);
        Assert.Contains("valid names:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroBudget_Throws()
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
            Create(new EngineOptions { Premium = { Translation = "libre", TranslationBudget = TimeSpan.Zero } }));

        Assert.Contains("TranslationBudget must be positive", ex.Message, StringComparison.Ordinal);
    }

    private static EngineSet Create(EngineOptions options) =>
        new(Options.Create(options), Recognizers, Translators, Synthesizers, Encoders);
}
