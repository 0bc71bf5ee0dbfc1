using Babelcast.Core.Broadcasting;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Broadcasting;

/// <summary>The embedded audience: all of a session's listeners are on this node, so its store has the whole count.</summary>
internal sealed class LocalListenerPresence(IConnectionStore connections) : IListenerPresence
{
    public IReadOnlyCollection<string> GetListenerLanguages(string sessionId) => connections.ListenerLanguages(sessionId);

    public IReadOnlyDictionary<string, int> GetListenerCounts(string sessionId) => connections.ListenerCounts(sessionId);
}
