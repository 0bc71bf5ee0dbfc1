using Babelcast.Core.Glossaries;

namespace Babelcast.Core.Recognition;

/// <summary>
/// One streaming recogniser, owned by one session pipeline at a time (not thread-safe).
/// Audio is 16 kHz mono PCM16. The pipeline decides where a phrase starts and ends.
/// </summary>
public interface ISpeechRecognizer : IAsyncDisposable
{
    /// <summary>Starts a new utterance (phrase).</summary>
    void StartUtterance();

    /// <summary>Feeds audio of the current utterance; returns the current partial hypothesis (may be empty).</summary>
    string ProcessChunk(ReadOnlySpan<short> samples);

    /// <summary>
    /// Ends the current utterance and returns the final text, decoded again over the whole phrase
    /// (<paramref name="utterance"/>) where the engine supports a more accurate second pass.
    /// </summary>
    ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken);

    /// <summary>
    /// Decodes <paramref name="utterance"/> with the final (accurate) pass without touching the streaming utterance,
    /// so that the final text can be started before the phrase is known to be over. Safe to call while streaming.
    /// </summary>
    ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken);

    /// <summary>
    /// Audio of the current utterance that is sure to belong to its phrase (the segmenter settles it once it knows),
    /// in order from the phrase's first sample, so that an engine can run its final pass while the phrase is spoken.
    /// The audio later given to <see cref="EndUtteranceAsync"/> or <see cref="DecodeFinalAsync"/> starts with it.
    /// Engines without such a pass ignore it.
    /// </summary>
    void ProcessSettled(ReadOnlySpan<short> samples)
    {
    }

    /// <summary>
    /// Chooses the settings of the final passes that follow (a loaded node asks for <see cref="FinalPass.Reduced"/>).
    /// Engines without a cheaper setting ignore it.
    /// </summary>
    void SelectFinalPass(FinalPass pass)
    {
    }

    /// <summary>
    /// Biases recognition of the utterances that follow toward the session's glossary terms (called before each
    /// <see cref="StartUtterance"/>; <see cref="SessionGlossary.Empty"/> removes the bias). Cheap when the glossary's
    /// <see cref="SessionGlossary.RecognitionKey"/> is the one applied already. Engines without such a hook ignore it.
    /// </summary>
    void ApplyGlossary(SessionGlossary glossary)
    {
    }
}
