using Babelcast.Core.Broadcasting;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Broadcasting;

/// <summary>
/// The embedded bus (<c>Babelcast:Cluster:Bus</c> = <c>inproc</c>): every session lives on this node, so publishing is
/// delivering into this node's connection store, on the caller's thread. A cluster bus publishes the same calls to a
/// channel per session and each node delivers what it receives into its own store.
/// </summary>
internal sealed class InMemoryBroadcaster(IConnectionStore connections) : IBroadcaster
{
    public void SendToSpeaker(string sessionId, OutboundFrame frame) => connections.DeliverToSpeaker(sessionId, frame);

    public void SendToListeners(string sessionId, string language, Delivery delivery) =>
        connections.DeliverToListeners(sessionId, language, delivery);

    public void SendToAllListeners(string sessionId, Delivery delivery) => connections.DeliverToAllListeners(sessionId, delivery);

    public void EndSession(string sessionId, OutboundFrame ended) => connections.EndSession(sessionId, ended);

    public void RevokeOperator(string sessionId, string userId, OutboundFrame error) => connections.RevokeOperator(sessionId, userId, error);
}
