namespace Babelcast.Core.Pipeline;

/// <summary>
/// One session's languages as separate lanes: a phrase's work in a language starts once the session's previous phrase
/// is done in that language, not in every language. Listeners of a language get its phrases in order, and a language
/// that is slow for a phrase (a premium translator running into its budget) holds back only its own later phrases.
/// Used by one phrase loop at a time, so it needs no lock.
/// </summary>
internal sealed class LanguageLanes
{
    private readonly Dictionary<string, Task> _last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="work"/> after the language's previous work, and returns it.</summary>
    public Task Enqueue(string language, Func<Task> work)
    {
        var next = RunAfterAsync(_last.GetValueOrDefault(language), work);
        _last[language] = next;
        return next;
    }

    private static async Task RunAfterAsync(Task? previous, Func<Task> work)
    {
        if (previous is not null)
        {
            // The previous phrase's outcome is its own (the phrase loop reports it); this one goes on regardless.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await work();
    }
}
