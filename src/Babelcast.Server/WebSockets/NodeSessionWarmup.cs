using Babelcast.Core.Broadcasting;
using Babelcast.Core.Cluster;
using Babelcast.Server.Hosting;

namespace Babelcast.Server.WebSockets;

/// <summary>The node's warm-ups for a session it takes over or may take over: its recogniser and every language listened to in the cluster.</summary>
internal sealed class NodeSessionWarmup(RecognizerWarmup recognizer, TranslationWarmup translations, IListenerPresence presence) : ISessionWarmup
{
    public void WarmFor(string sessionId, string sourceLanguage)
    {
        _ = recognizer.Warm(sessionId, sourceLanguage, "session claimed");
        foreach (var language in presence.GetListenerLanguages(sessionId))
        {
            translations.Warm(sourceLanguage, language);
        }
    }

    public void WarmTranslations(string sessionId, string sourceLanguage)
    {
        foreach (var language in presence.GetListenerLanguages(sessionId))
        {
            if (!translations.IsWarm(sourceLanguage, language))
            {
                translations.Warm(sourceLanguage, language);
            }
        }
    }
}
