using System.Collections.Concurrent;
using Babelcast.Core.Pipeline;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Starts a language's translation engine when its first listener arrives, so that the first phrase does not pay for
/// the engine's start (a pivot pipeline such as English-Catalan-French takes up to a second or more to load).
/// </summary>
internal sealed class TranslationWarmup(EngineSet engines)
{
    private readonly ConcurrentDictionary<(string, string), Task> _started = new();

    public void Warm(string source, string target)
    {
        if (string.Equals(source, target, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var task = _started.GetOrAdd((source, target), key =>
            Task.Run(async () => await engines.Translator.TranslateAsync("Welcome.", key.Item1, key.Item2, CancellationToken.None), CancellationToken.None));
        if (task.IsCompleted)
        {
            // A failed or finished warm-up may be repeated later (the engine may have been stopped for idleness).
            _started.TryRemove(new KeyValuePair<(string, string), Task>((source, target), task));
        }
    }
}
