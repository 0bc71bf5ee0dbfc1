using Babelcast.Core.Recognition;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>Gives no partials and the owner's scripted text as each phrase's final text.</summary>
internal sealed class ScriptedRecognizer(ScriptedRecognizerFactory owner) : ISpeechRecognizer
{
    public void StartUtterance()
    {
    }

    public string ProcessChunk(ReadOnlySpan<short> samples) => string.Empty;

    public ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken) => owner.FinishPhrase();

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The tests turn the head start off.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
