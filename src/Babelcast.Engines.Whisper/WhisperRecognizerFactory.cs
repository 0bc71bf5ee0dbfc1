using Babelcast.Core.Capacity;
using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Recognition;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// The "whisper" engine: ggml Whisper models through Whisper.net, one model loaded per node and shared by all
/// sessions. Without <see cref="WhisperOptions.ModelPath"/> it is inert (no languages, nothing loaded), so a server
/// that does not configure it starts as it would without it.
/// </summary>
public sealed class WhisperRecognizerFactory : ISpeechRecognizerFactory, IDisposable
{
    public const string EngineName = "whisper";

    private readonly WhisperEngine? _engine;
    private readonly WhisperNetDecoder? _decoder;
    private readonly DecodeGate? _gate;
    private readonly string? _unavailableReason;
    private readonly HashSet<string> _languages;

    public WhisperRecognizerFactory(
        IOptions<WhisperOptions> options, IOptions<PipelineOptions> pipeline, ILogger<WhisperRecognizerFactory> logger, TimeProvider time,
        ILoadShedding? shedding = null)
    {
        var settings = options.Value;
        _languages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(settings.ModelPath))
        {
            _unavailableReason = $"{WhisperOptions.SectionName}:{nameof(WhisperOptions.ModelPath)} is not set";
            Log.NotConfigured(logger);
            SupportedLanguages = [];
            return;
        }

        _unavailableReason = ModelFileCheck.Problem(settings.ModelPath, out var info);
        if (_unavailableReason is not null)
        {
            Log.Unavailable(logger, _unavailableReason);
            SupportedLanguages = [];
            return;
        }

        foreach (var code in settings.Languages.Count > 0 ? settings.Languages : info.Multilingual ? WhisperOptions.DefaultMultilingual : ["en"])
        {
            _languages.Add(code);
        }

        SupportedLanguages = [.. _languages.Select(LanguageNames.Info)];
        _decoder = new WhisperNetDecoder(settings.ModelPath, settings, logger);
        _gate = new DecodeGate(settings.MaxConcurrentDecodes);
        _engine = new WhisperEngine(_decoder, _gate, settings, pipeline.Value.VoiceActivity, logger, time, shedding);
        Log.Available(logger, string.Join(", ", _languages), settings.ModelPath, info.Length / (1024.0 * 1024.0), info.AudioLayers);
    }

    public string Name => EngineName;

    public IReadOnlyList<LanguageInfo> SupportedLanguages { get; }

    /// <summary>Why the engine cannot run, or null when it can.</summary>
    public string? UnavailableReason => _unavailableReason;

    /// <summary>Whether the model is loaded (it loads on the first prewarm or rent).</summary>
    public bool ModelLoaded => _decoder?.Loaded == true;

    /// <summary>Loads the model, on a pool thread, if this node offers the language.</summary>
    public async ValueTask PrewarmAsync(string language, CancellationToken cancellationToken)
    {
        if (_decoder is null || !_languages.Contains(language))
        {
            return;
        }

        await LoadAsync(_decoder, cancellationToken);
    }

    /// <exception cref="InvalidOperationException">The engine is not configured, or its model is unusable.</exception>
    /// <exception cref="NotSupportedException">The language is not offered.</exception>
    public async ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken)
    {
        if (_engine is null || _decoder is null)
        {
            throw new InvalidOperationException($"The {EngineName} recogniser is unavailable: {_unavailableReason}.");
        }

        if (!_languages.Contains(language))
        {
            throw new NotSupportedException($"The {EngineName} recogniser here offers {string.Join(", ", _languages)}, not \"{language}\".");
        }

        await LoadAsync(_decoder, cancellationToken);
        return new WhisperRecognizer(_engine, language.ToLowerInvariant());
    }

    private async Task LoadAsync(WhisperNetDecoder decoder, CancellationToken cancellationToken)
    {
        if (decoder.Loaded)
        {
            return;
        }

        try
        {
            await Task.Run(decoder.EnsureLoaded, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LoadFailed(_engine!.Logger, _engine.Options.ModelPath!, e);
            throw new InvalidOperationException($"The {EngineName} model '{_engine.Options.ModelPath}' could not be loaded by whisper.cpp: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _decoder?.Dispose();
        _gate?.Dispose();
    }
}
