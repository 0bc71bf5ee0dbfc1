using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;

namespace Babelcast.Server.Operator;

/// <summary>
/// Each session's prepared text, held on this node, and its translation ahead of time: one cue and one language at a
/// time (the languages that have listeners first), so that the live phrases sharing the translator barely notice.
/// Loading a script replaces the session's previous one and stops its translation.
/// </summary>
internal sealed class PreparedScripts(
    EngineSet engines, ILanguageCatalog languages, IListenerPresence presence, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<PreparedScripts> logger)
    : IDisposable
{
    private readonly ConcurrentDictionary<string, PreparedScript> _scripts = new(StringComparer.Ordinal);

    public PreparedScript Load(string sessionId, string sourceLanguage, IReadOnlyList<ScriptCue> cues)
    {
        var listened = presence.GetListenerLanguages(sessionId);
        var targets = languages.TargetsFor(sourceLanguage).Select(l => l.Code)
            .Where(l => !string.Equals(l, sourceLanguage, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => listened.Contains(l, StringComparer.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();
        var script = new PreparedScript(sessionId, sourceLanguage, cues, targets, time.GetUtcNow());
        if (_scripts.TryGetValue(sessionId, out var old) && _scripts.TryUpdate(sessionId, script, old))
        {
            Retire(old);
        }
        else
        {
            _scripts[sessionId] = script;
        }

        Log.ScriptLoaded(logger, sessionId, cues.Count, string.Join(", ", targets));
        var stopping = script.Stopping; // read now: a quick replacement disposes the script's source
        _ = Task.Run(() => TranslateAheadAsync(script, stopping), CancellationToken.None);
        return script;
    }

    public PreparedScript? Find(string sessionId) => _scripts.GetValueOrDefault(sessionId);

    public bool Remove(string sessionId)
    {
        if (!_scripts.TryRemove(sessionId, out var old))
        {
            return false;
        }

        Retire(old);
        return true;
    }

    public void Dispose()
    {
        foreach (var script in _scripts.Values)
        {
            Retire(script);
        }

        _scripts.Clear();
    }

    private static void Retire(PreparedScript script)
    {
        script.Stop();
        script.Dispose();
    }

    private async Task TranslateAheadAsync(PreparedScript script, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, lifetime.ApplicationStopping);
        try
        {
            foreach (var language in script.Languages)
            {
                foreach (var cue in script.Cues)
                {
                    var result = await engines.Translator.TranslateAsync(cue.Text, script.SourceLanguage, language, linked.Token);
                    var text = result.Success ? TextFilter.Clean(result.Text) : string.Empty;
                    if (text.Length > 0)
                    {
                        script.SetTranslation(cue.Index, language, text);
                    }
                    else
                    {
                        script.Failed();
                    }
                }
            }

            script.Finished();
            Log.ScriptTranslated(logger, script.SessionId, script.Failures);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Replaced, removed or shutting down.
        }
        catch (Exception ex)
        {
            // Cues not translated yet are translated when sent.
            Log.ScriptTranslationStopped(logger, script.SessionId, ex);
        }
    }
}
