using Babelcast.Core.Languages;
using Babelcast.Core.Recognition;
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

    private readonly string? unavailableReason;
    private readonly DecoderPool streamingPool;
    private readonly DecoderPool finalPool;
    private readonly SecondPass secondPass;

    public PocketSphinxRecognizerFactory(IOptions<PocketSphinxOptions> options, ILogger<PocketSphinxRecognizerFactory> logger, TimeProvider timeProvider)
    {
        var settings = options.Value;
        unavailableReason = ModelAvailability.Problem(settings);
        if (unavailableReason is null)
        {
            Log.Available(logger, settings.ModelDirectory);
        }
        else
        {
            Log.Unavailable(logger, unavailableReason);
        }

        SupportedLanguages = unavailableReason is null ? [English] : [];
        var streamingArguments = DecoderArguments.Build(settings, settings.StreamingArguments);
        var finalArguments = DecoderArguments.Build(settings, settings.FinalArguments);
        streamingPool = new DecoderPool(
            "streaming", settings.MaxStreamingDecoders, () => PocketSphinxDecoder.Create(streamingArguments, settings.NativeLogFile), logger, timeProvider);
        finalPool = new DecoderPool(
            "second-pass", settings.FinalDecoders, () => PocketSphinxDecoder.Create(finalArguments, settings.NativeLogFile), logger, timeProvider);
        secondPass = new SecondPass(finalPool, logger, timeProvider);
    }

    public string Name => EngineName;

    public IReadOnlyList<LanguageInfo> SupportedLanguages { get; }

    internal DecoderPool StreamingPool => streamingPool;

    internal DecoderPool FinalPool => finalPool;

    /// <summary>Rents a recogniser; waits while all streaming decoders are in use.</summary>
    /// <exception cref="InvalidOperationException">The libraries or the model are missing.</exception>
    /// <exception cref="NotSupportedException">The language is not English.</exception>
    public async ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken)
    {
        if (unavailableReason is not null)
        {
            throw new InvalidOperationException($"The {EngineName} recogniser is unavailable: {unavailableReason}.");
        }

        if (!IsEnglish(language))
        {
            throw new NotSupportedException($"The {EngineName} recogniser supports only English (\"en\"), not \"{language}\".");
        }

        var decoder = await streamingPool.RentAsync(cancellationToken);
        return new PocketSphinxRecognizer(streamingPool, decoder, secondPass);
    }

    public void Dispose()
    {
        streamingPool.Dispose();
        finalPool.Dispose();
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
