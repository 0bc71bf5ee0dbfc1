using Babelcast.Core.Audio;
using Babelcast.Core.Recognition;
using Babelcast.Core.Synthesis;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>The engines chosen by name in configuration; an unknown name fails at start-up with the valid names.</summary>
public sealed class EngineSet
{
    public EngineSet(
        IOptions<EngineOptions> options,
        IEnumerable<ISpeechRecognizerFactory> recognizers,
        IEnumerable<ITranslator> translators,
        IEnumerable<ISpeechSynthesizer> synthesizers,
        IEnumerable<IAudioEncoder> encoders)
    {
        var o = options.Value;
        Recognizer = Pick(recognizers, r => r.Name, o.Recognition, "Babelcast:Engines:Recognition");
        Translator = Pick(translators, t => t.Name, o.Translation, "Babelcast:Engines:Translation");
        Synthesizer = Pick(synthesizers, s => s.Name, o.Synthesis, "Babelcast:Engines:Synthesis");
        Encoder = Pick(encoders, e => e.Name, o.Encoding, "Babelcast:Engines:Encoding");
    }

    public ISpeechRecognizerFactory Recognizer { get; }

    public ITranslator Translator { get; }

    public ISpeechSynthesizer Synthesizer { get; }

    public IAudioEncoder Encoder { get; }

    private static T Pick<T>(IEnumerable<T> candidates, Func<T, string> name, string wanted, string key)
    {
        var list = candidates.ToList();
        return list.FirstOrDefault(c => string.Equals(name(c), wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new OptionsValidationException(key, typeof(EngineOptions),
                [$"{key} = '{wanted}' is not a known engine; valid names: {string.Join(", ", list.Select(name))}"]);
    }
}
