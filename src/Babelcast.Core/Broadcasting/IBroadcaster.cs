namespace Babelcast.Core.Broadcasting;

/// <summary>
/// The broadcast bus: where the pipeline's results and the sessions' state changes go. The bus addresses sessions and
/// languages, never sockets: the embedded bus delivers into this node's connection store, a cluster bus publishes so
/// that every node delivers into its own. Who listens in which language is <see cref="IListenerPresence"/>'s question.
/// </summary>
public interface IBroadcaster
{
    void SendToSpeaker(string sessionId, OutboundFrame frame);

    /// <summary>Writes to every listener of <paramref name="language"/>; never waits for a slow one.</summary>
    void SendToListeners(string sessionId, string language, Delivery delivery);

    /// <summary>Writes to every listener of the session, whatever their language (pause, mute).</summary>
    void SendToAllListeners(string sessionId, Delivery delivery);

    /// <summary>
    /// Sends <paramref name="ended"/> to every connection of the session (listeners and speaker), then closes them and
    /// retires the session's runtime (a join that races the end finds the end in the session store).
    /// </summary>
    void EndSession(string sessionId, OutboundFrame ended);

    /// <summary>
    /// Sends <paramref name="error"/> to the control connections of co-operator <paramref name="userId"/> in the session,
    /// wherever they are, then closes them (the owner revoked the invitation).
    /// </summary>
    void RevokeOperator(string sessionId, string userId, OutboundFrame error);
}
