using Babelcast.Core.Sessions;

namespace Babelcast.Core.Broadcasting;

/// <summary>
/// This node's end of the broadcast bus: delivers what the bus carries into the node's own connections, and tells who
/// is connected here. A cluster bus subscribes to the sessions that have connections on this node and counts their
/// listeners into the cluster-wide presence.
/// </summary>
public interface ILocalDelivery
{
    /// <summary>Sessions with a speaker or listeners connected to this node.</summary>
    IReadOnlyCollection<string> SessionIds { get; }

    /// <summary>Raised with the session id whenever a connection of the session comes to or leaves this node.</summary>
    event Action<string>? ConnectionsChanged;

    /// <summary>This node's listeners of the session per language (languages without listeners are absent).</summary>
    IReadOnlyDictionary<string, int> ListenerCounts(string sessionId);

    void DeliverToSpeaker(string sessionId, OutboundFrame frame);

    void DeliverToListeners(string sessionId, string language, Delivery delivery);

    void DeliverToAllListeners(string sessionId, Delivery delivery);

    /// <summary>Sends <paramref name="ended"/> to the session's connections on this node and closes them; false if none.</summary>
    bool EndSession(string sessionId, OutboundFrame ended);

    /// <summary>Sends <paramref name="error"/> to this node's control connections of co-operator <paramref name="userId"/> and closes them.</summary>
    void RevokeOperator(string sessionId, string userId, OutboundFrame error);

    /// <summary>
    /// Applies a live state change of the session (<see cref="ISessionStateBus"/>) to this node's runtime of it, if any:
    /// its flags, its speaker (gate and ingest marker) and its listeners here.
    /// </summary>
    void ApplyState(string sessionId, SessionStateChange change);

    /// <summary>
    /// Messages of the session may have been lost on the way to this node (the bus reconnected): each listener here gets
    /// what the store has after the last caption it received, as a client's <c>resume</c> would.
    /// </summary>
    void Resync(string sessionId);
}
