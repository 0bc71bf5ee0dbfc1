using Babelcast.Core.Audio;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Recognition;
using Babelcast.Core.Sessions;
using Babelcast.Core.Synthesis;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// The engines chosen by name in configuration; an unknown name fails at start-up with the valid names. Premium
/// sessions get the engines of <see cref="EngineOptions.Premium"/> where configured: a premium translator always runs
/// inside a <see cref="FallbackTranslator"/> with the standard translator behind it.
/// </summary>
public sealed class EngineSet
{
    public EngineSet(
        IOptions<EngineOptions> options,
        IEnumerable<ISpeechRecognizerFactory> recognizers,
        IEnumerable<ITranslator> translators,
        IEnumerable<ISpeechSynthesizer> synthesizers,
        IEnumerable<IAudioEncoder> encoders,
        BabelcastMetrics? metrics = null,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var recognizerList = recognizers.ToList();
        var translatorList = translators.ToList();
        Recognizer = Pick(recognizerList, r => r.Name, o.Recognition, "Babelcast:Engines:Recognition");
        Translator = Pick(translatorList, t => t.Name, o.Translation, "Babelcast:Engines:Translation");
        Synthesizer = Pick(synthesizers, s => s.Name, o.Synthesis, "Babelcast:Engines:Synthesis");
        Encoder = Pick(encoders, e => e.Name, o.Encoding, "Babelcast:Engines:Encoding");
        if (!string.IsNullOrWhiteSpace(o.Premium.Recognition))
        {
            PremiumRecognizer = Pick(recognizerList, r => r.Name, o.Premium.Recognition.Trim(), "Babelcast:Engines:Premium:Recognition");
        }

        if (!string.IsNullOrWhiteSpace(o.Premium.Translation))
        {
            var better = Pick(translatorList, t => t.Name, o.Premium.Translation.Trim(), "Babelcast:Engines:Premium:Translation");
            if (o.Premium.TranslationBudget <= TimeSpan.Zero)
            {
                throw new OptionsValidationException("Babelcast:Engines:Premium:TranslationBudget", typeof(EngineOptions),
                    ["Babelcast:Engines:Premium:TranslationBudget must be positive (e.g. 00:00:01.5)."]);
            }

            PremiumTranslator = new FallbackTranslator(better, Translator, o.Premium.TranslationBudget, time ?? TimeProvider.System, metrics,
                (loggers ?? NullLoggerFactory.Instance).CreateLogger<FallbackTranslator>());
        }
    }

    public ISpeechRecognizerFactory Recognizer { get; }

    public ITranslator Translator { get; }

    public ISpeechSynthesizer Synthesizer { get; }

    public IAudioEncoder Encoder { get; }

    /// <summary>The premium translator behind its fallback, or null when none is configured.</summary>
    public FallbackTranslator? PremiumTranslator { get; }

    /// <summary>The premium recogniser, or null when none is configured.</summary>
    public ISpeechRecognizerFactory? PremiumRecognizer { get; }

    /// <summary>Whether premium sessions can be served at all (in some source language); see <see cref="PremiumProblem"/>.</summary>
    public bool HasPremium => PremiumProblem(null) is null;

    /// <summary>
    /// Why a premium session in <paramref name="sourceLanguage"/> (any source language when null) cannot be served
    /// here, or null when it can. A configured premium recogniser that cannot run (its model is missing or was refused)
    /// makes the tier unavailable rather than silently standard: the operator asked for something this server lacks.
    /// </summary>
    public string? PremiumProblem(string? sourceLanguage)
    {
        if (PremiumTranslator is null && PremiumRecognizer is null)
        {
            return "This server has no premium engines (Babelcast:Engines:Premium:Translation or :Recognition); use the standard tier.";
        }

        if (PremiumRecognizer is { } recognizer && !Serves(recognizer, sourceLanguage))
        {
            var what = sourceLanguage is null ? "any language" : $"'{sourceLanguage}'";
            var why = recognizer.UnavailableReason is null ? string.Empty : " (its model could not be loaded; the server log says why)";
            return $"The premium recogniser '{recognizer.Name}' cannot recognise {what} on this server{why}; use the standard tier.";
        }

        return null;
    }

    public ITranslator TranslatorFor(QualityTier tier) => tier == QualityTier.Premium && PremiumTranslator is { } better ? better : Translator;

    /// <summary>
    /// The recognisers a session in <paramref name="language"/> may rent, to warm before it speaks: the standard one, and
    /// a distinct premium one that serves the language (a session's tier can change while it is live).
    /// </summary>
    public IReadOnlyList<ISpeechRecognizerFactory> RecognizersFor(string language) =>
        PremiumRecognizer is { } better && !ReferenceEquals(better, Recognizer) && Serves(better, language) ? [Recognizer, better] : [Recognizer];

    public ISpeechRecognizerFactory RecognizerFor(QualityTier tier) => tier == QualityTier.Premium && PremiumRecognizer is { } better ? better : Recognizer;

    /// <summary>
    /// The engine names that translate <paramref name="source"/> into <paramref name="target"/> for the tier, first to
    /// last resort (e.g. ["openai", "apertium"]).
    /// </summary>
    public IReadOnlyList<string> TranslationChain(QualityTier tier, string source, string target) =>
        tier == QualityTier.Premium && PremiumTranslator is { } better && better.PrimaryServes(source, target)
            ? [better.Primary.Name, Translator.Name]
            : [Translator.Name];

    private static bool Serves(ISpeechRecognizerFactory recognizer, string? language) =>
        language is null
            ? recognizer.SupportedLanguages.Count > 0
            : recognizer.SupportedLanguages.Any(l => string.Equals(l.Code, language, StringComparison.OrdinalIgnoreCase));

    private static T Pick<T>(IEnumerable<T> candidates, Func<T, string> name, string wanted, string key)
    {
        var list = candidates.ToList();
        return list.FirstOrDefault(c => string.Equals(name(c), wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new OptionsValidationException(key, typeof(EngineOptions),
                [$"{key} = '{wanted}' is not a known engine; valid names: {string.Join(", ", list.Select(name))}"]);
    }
}
