using Babelcast.Core.Languages;

namespace Babelcast.Core.Recognition;

/// <summary>A recognition engine, chosen by <see cref="Name"/> in configuration.</summary>
public interface ISpeechRecognizerFactory
{
    string Name { get; }

    /// <summary>Source languages the installed models can recognise.</summary>
    IReadOnlyList<LanguageInfo> SupportedLanguages { get; }

    /// <summary>Why the engine serves no language on this server (e.g. its model file is missing), or null.</summary>
    string? UnavailableReason => null;

    /// <summary>Rents a recogniser for one session; dispose it to give it back to the pool.</summary>
    ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a recogniser for <paramref name="language"/> ready to rent without loading a model (a session is about to
    /// start); completes when it is. An unsupported language or an unavailable engine is not an error here.
    /// </summary>
    ValueTask PrewarmAsync(string language, CancellationToken cancellationToken);
}
