using Babelcast.Core.Languages;
using Babelcast.Core.Recognition;
using Babelcast.Engines.PocketSphinx.Glossaries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// The "pocketsphinx" engine (English). Streaming decoders, one per rented recogniser, and second-pass
/// decoders, shared by all sessions, are pooled and created lazily (~110 MiB each); disposing frees them all.
/// </summary>
public sealed class PocketSphinxRecognizerFactory : ISpeechRecognizerFactory, IDisposable, IAsyncDisposable
{
    public const string EngineName = "pocketsphinx";

    private static readonly LanguageInfo English = LanguageNames.Info("en");

    private readonly string? _unavailableReason;
    private readonly DecoderPool _streamingPool;
    private readonly DecoderPool _finalPool;
    private readonly SecondPass? _secondPass;
    private readonly DecoderPool? _reducedPool;
    private readonly SecondPass? _reducedPass;
    private readonly DecoderPool? _incrementalPool;
    private readonly int _incrementalStartSamples;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly GlossaryCompiler _glossaries;

    public PocketSphinxRecognizerFactory(IOptions<PocketSphinxOptions> options, ILogger<PocketSphinxRecognizerFactory> logger, TimeProvider timeProvider)
    {
        var settings = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
        _unavailableReason = ModelAvailability.Problem(settings);
        if (_unavailableReason is null)
        {
            Log.Available(logger, settings.ModelDirectory);
        }
        else
        {
            Log.Unavailable(logger, _unavailableReason);
        }

        SupportedLanguages = _unavailableReason is null ? [English] : [];
        _glossaries = new GlossaryCompiler(settings.GlossaryESpeakCommand, (float)settings.GlossaryWeight, logger);
        var streamingArguments = DecoderArguments.Build(settings, settings.StreamingArguments);
        var finalArguments = DecoderArguments.Build(settings, settings.FinalArguments);
        _streamingPool = new DecoderPool(
            "streaming", settings.MaxStreamingDecoders, () => PocketSphinxDecoder.Create(streamingArguments, settings.NativeLogFile), logger, timeProvider, settings.WarmDecoders);
        _finalPool = new DecoderPool(
            "second-pass", settings.FinalDecoders, () => PocketSphinxDecoder.Create(finalArguments, settings.NativeLogFile), logger, timeProvider,
            settings.SecondPass ? settings.WarmDecoders : 0); // Without a second pass its pool stays empty.
        _secondPass = settings.SecondPass ? new SecondPass(_finalPool, logger, timeProvider) : null;
        _reducedPass = _secondPass;
        if (settings.SecondPass && !string.IsNullOrWhiteSpace(settings.ReducedFinalArguments) && settings.ReducedFinalArguments != settings.FinalArguments)
        {
            var reducedArguments = DecoderArguments.Build(settings, settings.ReducedFinalArguments);
            _reducedPool = new DecoderPool(
                "reduced-second-pass", settings.FinalDecoders, () => PocketSphinxDecoder.Create(reducedArguments, settings.NativeLogFile), logger, timeProvider);
            _reducedPass = new SecondPass(_reducedPool, logger, timeProvider);
        }

        if (settings.SecondPass && settings.IncrementalFinalPass)
        {
            // Capped per node (a phrase finding none idle is decoded whole); a warm one is always kept so that a phrase
            // never waits for a model.
            var incrementalDecoders = Math.Min(settings.EffectiveIncrementalDecoders, settings.MaxStreamingDecoders);
            _incrementalPool = new DecoderPool(
                "incremental", incrementalDecoders, () => PocketSphinxDecoder.Create(finalArguments, settings.NativeLogFile), logger, timeProvider,
                Math.Min(incrementalDecoders, Math.Max(1, settings.WarmDecoders)));
            _incrementalStartSamples = settings.IncrementalStartMs * 16;
        }
    }

    public string Name => EngineName;

    public IReadOnlyList<LanguageInfo> SupportedLanguages { get; }

    internal DecoderPool StreamingPool => _streamingPool;

    internal DecoderPool FinalPool => _finalPool;

    /// <summary>The pool of the incremental final pass (<see cref="PocketSphinxOptions.IncrementalFinalPass"/>), if on.</summary>
    internal DecoderPool? IncrementalPool => _incrementalPool;

    /// <summary>Streaming decoders ready to rent without loading a model.</summary>
    public int ReadyDecoders => _streamingPool.Idle;

    /// <summary>Incremental final-pass decoders ready to rent without loading a model.</summary>
    public int ReadyIncrementalDecoders => _incrementalPool?.Idle ?? 0;

    /// <summary>Fills the pools up to <see cref="PocketSphinxOptions.WarmDecoders"/> idle decoders (in the background).</summary>
    public async ValueTask PrewarmAsync(string language, CancellationToken cancellationToken)
    {
        if (_unavailableReason is not null || !IsEnglish(language))
        {
            return;
        }

        await Task.WhenAll(
            _streamingPool.EnsureWarmAsync(cancellationToken),
            _finalPool.EnsureWarmAsync(cancellationToken),
            _incrementalPool?.EnsureWarmAsync(cancellationToken) ?? Task.CompletedTask);
    }

    /// <summary>The pool of the cheaper final pass, if <see cref="PocketSphinxOptions.ReducedFinalArguments"/> sets one.</summary>
    internal DecoderPool? ReducedPool => _reducedPool;

    /// <summary>Rents a recogniser; waits while all streaming decoders are in use.</summary>
    /// <exception cref="InvalidOperationException">The libraries or the model are missing.</exception>
    /// <exception cref="NotSupportedException">The language is not English.</exception>
    public async ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken)
    {
        if (_unavailableReason is not null)
        {
            throw new InvalidOperationException($"The {EngineName} recogniser is unavailable: {_unavailableReason}.");
        }

        if (!IsEnglish(language))
        {
            throw new NotSupportedException($"The {EngineName} recogniser supports only English (\"en\"), not \"{language}\".");
        }

        var decoder = await _streamingPool.RentAsync(cancellationToken);
        var incremental = _incrementalPool is null ? null : new IncrementalPass(_incrementalPool, _incrementalStartSamples, _logger, _timeProvider);
        return new PocketSphinxRecognizer(_streamingPool, decoder, _secondPass, _reducedPass, incremental, _glossaries, _logger);
    }

    public void Dispose()
    {
        _streamingPool.Dispose();
        _finalPool.Dispose();
        _reducedPool?.Dispose();
        _incrementalPool?.Dispose();
        _glossaries.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool IsEnglish(string language) =>
        language.Equals("en", StringComparison.OrdinalIgnoreCase)
        || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
