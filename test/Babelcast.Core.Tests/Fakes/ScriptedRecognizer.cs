using Babelcast.Core.Recognition;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>Gives no partials and the owner's scripted text as each phrase's final text; records settled audio.</summary>
internal sealed class ScriptedRecognizer(ScriptedRecognizerFactory owner) : ISpeechRecognizer
{
    private readonly List<short> _settled = [];

    public void StartUtterance() => _settled.Clear();

    public void ProcessSettled(ReadOnlySpan<short> samples) => _settled.AddRange(samples);

    public string ProcessChunk(ReadOnlySpan<short> samples) => string.Empty;

    public ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        owner.Ends.Enqueue(([.. _settled], utterance.ToArray()));
        _settled.Clear();
        return owner.FinishPhrase();
    }

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The tests turn the head start off.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
