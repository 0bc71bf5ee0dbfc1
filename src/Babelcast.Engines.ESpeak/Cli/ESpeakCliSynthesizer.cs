using System.Diagnostics;
using System.Globalization;
using System.Text;
using Babelcast.Core.Synthesis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.ESpeak.Cli;

/// <summary>
/// espeak-ng as one process per phrase (<c>espeak-ng --stdout</c>, about 11 ms to start). Unlike the
/// in-process engine these run in parallel, up to <see cref="ESpeakOptions.CliMaxProcesses"/> at once.
/// </summary>
internal sealed class ESpeakCliSynthesizer : ISpeechSynthesizer
{
    private const int DefaultSampleRate = 22050;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ESpeakOptions _options;
    private readonly ILogger<ESpeakCliSynthesizer> _logger;
    private readonly VoiceMap _voices;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<IReadOnlyCollection<string>> _languages;

    public ESpeakCliSynthesizer(IOptions<ESpeakOptions> options, ILogger<ESpeakCliSynthesizer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _voices = new VoiceMap(_options.Voices);
        var max = _options.CliMaxProcesses > 0 ? _options.CliMaxProcesses : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(max, max);
        _languages = new Lazy<IReadOnlyCollection<string>>(ProbeLanguages);
    }

    public string Name => "espeak-cli";

    public IReadOnlyCollection<string> Languages => _languages.Value;

    public async ValueTask<SynthesizedAudio> SynthesizeAsync(string text, string language, Prosody prosody, CancellationToken cancellationToken)
    {
        if (!_voices.TryResolve(language, out var voice))
        {
            throw new ArgumentException($"espeak has no voice configured for language '{language}'.", nameof(language));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new SynthesizedAudio([], DefaultSampleRate);
        }

        var rate = VoiceMap.Rate(_options.BaseRate, prosody.RateFactor);
        var volume = VoiceMap.Volume(prosody.VolumeFactor);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var wav = await RunAsync(text, voice, rate, volume, language, cancellationToken);
            var (samples, sampleRate) = WavStream.Parse(wav);
            var audio = new SynthesizedAudio(samples, sampleRate > 0 ? sampleRate : DefaultSampleRate);
            Log.Synthesized(_logger, text.Length, language, audio.DurationMs, rate, volume);
            return audio;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> RunAsync(string text, string voice, int rate, int volume, string language, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_options.CliPath)
        {
            // Text goes through stdin so that nothing in it can be taken for an option; no -m: never SSML.
            ArgumentList = { "-v", voice, "-s", rate.ToString(CultureInfo.InvariantCulture), "-a", volume.ToString(CultureInfo.InvariantCulture), "--stdout", "--stdin" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8NoBom,
            UseShellExecute = false,
        };
        if (!_options.EndPause)
        {
            start.ArgumentList.Add("-z");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {_options.CliPath}.");
        try
        {
            using var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
            process.StandardInput.Close();
            await reading;
            var error = await errors;
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0 || output.Length == 0)
            {
                Log.CliFailed(_logger, language, process.ExitCode, error.Trim());
                throw new InvalidOperationException($"espeak-ng -v {voice} produced no audio (exit {process.ExitCode}): {error.Trim()}");
            }

            return output.ToArray();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private IReadOnlyCollection<string> ProbeLanguages()
    {
        var known = VoiceCatalog.Load(_options.CliPath);
        var found = new List<string>();
        foreach (var (language, voice) in _voices.Entries)
        {
            if (known.Contains(voice))
            {
                found.Add(language);
            }
            else
            {
                Log.VoiceMissing(_logger, language, voice, -1);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found.AsReadOnly();
    }
}
