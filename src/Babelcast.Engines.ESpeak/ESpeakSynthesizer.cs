using Babelcast.Core.Synthesis;
using Babelcast.Engines.ESpeak.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.ESpeak;

/// <summary>
/// espeak-ng in process (22,050 Hz mono PCM16, hundreds of times faster than real time). espeak-ng is
/// process-global, so calls are serialised by one process-wide gate; each takes a few milliseconds.
/// </summary>
internal sealed class ESpeakSynthesizer : ISpeechSynthesizer
{
    private readonly ESpeakOptions _options;
    private readonly ILogger<ESpeakSynthesizer> _logger;
    private readonly VoiceMap _voices;
    private readonly Lazy<IReadOnlyCollection<string>> _languages;

    public ESpeakSynthesizer(IOptions<ESpeakOptions> options, ILogger<ESpeakSynthesizer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _voices = new VoiceMap(_options.Voices);
        _languages = new Lazy<IReadOnlyCollection<string>>(ProbeLanguages);
    }

    public string Name => "espeak";

    public IReadOnlyCollection<string> Languages => _languages.Value;

    public async ValueTask<SynthesizedAudio> SynthesizeAsync(string text, string language, Prosody prosody, CancellationToken cancellationToken)
    {
        if (!_voices.TryResolve(language, out var voice))
        {
            throw new ArgumentException($"espeak has no voice configured for language '{language}'.", nameof(language));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new SynthesizedAudio([], ESpeakEngine.SampleRateOrDefault);
        }

        var rate = VoiceMap.Rate(_options.BaseRate, prosody.RateFactor);
        var volume = VoiceMap.Volume(prosody.VolumeFactor);
        var buffer = new SynthesisBuffer(cancellationToken);
        int sampleRate;
        using (var session = await ESpeakEngine.EnterAsync(_options.DataPath, cancellationToken))
        {
            sampleRate = session.SampleRate;
            var error = session.SetVoice(voice);
            if (error == ESpeakNative.Ok)
            {
                error = session.Synthesize(text, rate, volume, _options.EndPause, buffer);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (error != ESpeakNative.Ok)
            {
                Log.SynthesisFailed(_logger, error, language, text.Length);
                throw new InvalidOperationException($"espeak-ng failed with error {error} for voice '{voice}'.");
            }
        }

        var audio = new SynthesizedAudio(buffer.ToArray(), sampleRate);
        Log.Synthesized(_logger, text.Length, language, audio.DurationMs, rate, volume);
        return audio;
    }

    private IReadOnlyCollection<string> ProbeLanguages()
    {
        var found = new List<string>();
        int sampleRate;
        using (var session = ESpeakEngine.Enter(_options.DataPath))
        {
            sampleRate = session.SampleRate;
            foreach (var (language, voice) in _voices.Entries)
            {
                var error = session.SetVoice(voice);
                if (error == ESpeakNative.Ok)
                {
                    found.Add(language);
                }
                else
                {
                    Log.VoiceMissing(_logger, language, voice, error);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        Log.Ready(_logger, sampleRate, found.Count, string.Join(", ", found));
        return found.AsReadOnly();
    }
}
