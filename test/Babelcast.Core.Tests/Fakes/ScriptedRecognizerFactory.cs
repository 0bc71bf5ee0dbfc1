using Babelcast.Core.Languages;
using Babelcast.Core.Recognition;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>
/// Recognises the n-th phrase it finishes (counting from 1 across rentals) as <c>script(n)</c>; a script that throws
/// makes that phrase's final pass fail. <paramref name="failRent"/> makes the given rentals (from 1) throw.
/// </summary>
internal sealed class ScriptedRecognizerFactory(Func<int, string> script, params int[] failRent) : ISpeechRecognizerFactory
{
    private int _phrases;
    private int _rentals;

    public string Name => "scripted";

    public IReadOnlyList<LanguageInfo> SupportedLanguages { get; } = [LanguageNames.Info("en")];

    public Counter Finished { get; } = new();

    /// <summary>Per finished phrase: the settled audio its recogniser was given, and the phrase's audio.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(short[] Settled, short[] Utterance)> Ends { get; } = new();

    public ValueTask<ISpeechRecognizer> RentAsync(string language, CancellationToken cancellationToken)
    {
        var rental = Interlocked.Increment(ref _rentals);
        return failRent.Contains(rental)
            ? throw new InvalidOperationException($"scripted rental {rental} failure")
#pragma warning disable CA2000 // the renter owns the recogniser and returns it to the factory
            : ValueTask.FromResult<ISpeechRecognizer>(new ScriptedRecognizer(this));
#pragma warning restore CA2000
    }

    public ValueTask PrewarmAsync(string language, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    internal ValueTask<string> FinishPhrase()
    {
        var n = Interlocked.Increment(ref _phrases);
        Finished.Increment();
        try
        {
            return ValueTask.FromResult(script(n));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<string>(ex);
        }
    }
}
