using System.Collections.Concurrent;

namespace Babelcast.Server.Operator;

/// <summary>
/// A session's prepared text and its translations, filled in the background (<see cref="PreparedScripts"/>); a cue
/// sent before its translation is ready is translated when sent, like any phrase.
/// </summary>
internal sealed class PreparedScript(string sessionId, string sourceLanguage, IReadOnlyList<ScriptCue> cues, IReadOnlyList<string> languages, DateTimeOffset loadedAt)
    : IDisposable
{
    private readonly ConcurrentDictionary<(int Index, string Language), string> _translations = new();
    private readonly CancellationTokenSource _stop = new();
    private int _failures;

    public string SessionId => sessionId;

    public string SourceLanguage => sourceLanguage;

    public IReadOnlyList<ScriptCue> Cues => cues;

    /// <summary>The languages translated ahead: the session's target languages other than its source.</summary>
    public IReadOnlyList<string> Languages => languages;

    public DateTimeOffset LoadedAt => loadedAt;

    /// <summary>Following the speaker through this script: off until the operator turns it on.</summary>
    public ScriptFollowState Follow { get; } = new(cues);

    /// <summary>Cancelled when the script is replaced or removed: its translation stops.</summary>
    public CancellationToken Stopping => _stop.Token;

    public bool Done { get; private set; }

    public int Failures => _failures;

    public void SetTranslation(int index, string language, string text) => _translations[(index, language)] = text;

    public void Failed() => Interlocked.Increment(ref _failures);

    public void Finished() => Done = true;

    /// <summary>The cue's translations ready so far, by language.</summary>
    public Dictionary<string, string> TranslationsOf(int index) =>
        languages.Where(l => _translations.ContainsKey((index, l))).ToDictionary(l => l, l => _translations[(index, l)], StringComparer.OrdinalIgnoreCase);

    public int TranslatedCount(string language) => cues.Count(c => _translations.ContainsKey((c.Index, language)));

    public void Stop() => _stop.Cancel();

    public void Dispose() => _stop.Dispose();
}
