using Babelcast.Core.Broadcasting;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// This node's live connections: the speaker socket and the listeners of each session, by language. Endpoints register
/// and remove connections here; the broadcast bus delivers into it (the embedded bus directly, a cluster bus on each
/// node for the messages it receives). It knows nothing of other nodes.
/// </summary>
internal interface IConnectionStore
{
    /// <summary>Sessions with a runtime (a speaker or listeners) on this node.</summary>
    IReadOnlyCollection<string> SessionIds { get; }

    /// <summary>Raised with the session id whenever a connection of the session comes, leaves or changes language.</summary>
    event Action<string>? ConnectionsChanged;

    SessionRuntime GetOrAdd(SessionRecord session);

    SessionRuntime? Find(string sessionId);

    /// <summary>Adds a listener to the session's runtime on this node, replacing a runtime that is being retired.</summary>
    (SessionRuntime Runtime, JoinResult Result) AddListener(SessionRecord session, LiveConnection listener, int cap);

    /// <summary>Makes <paramref name="speaker"/> the session's speaker, replacing a runtime that is being retired.</summary>
    (SessionRuntime Runtime, JoinResult Result, LiveConnection? Replaced) AddSpeaker(SessionRecord session, LiveConnection speaker);

    /// <summary>Forgets a runtime once nobody is connected (or it ended).</summary>
    void RemoveIfIdle(SessionRuntime runtime);

    /// <summary>This node's listeners of the session per language.</summary>
    IReadOnlyDictionary<string, int> ListenerCounts(string sessionId);

    /// <summary>Languages with at least one listener of the session on this node.</summary>
    IReadOnlyCollection<string> ListenerLanguages(string sessionId);

    /// <summary>Adds a co-operator's control connection to the session's runtime on this node, replacing a runtime that is being retired.</summary>
    (SessionRuntime Runtime, JoinResult Result) AddOperator(SessionRecord session, LiveConnection control);

    /// <summary>Queues on every control connection of the session here: the owner's speaker connection and the co-operators'.</summary>
    void DeliverToSpeaker(string sessionId, OutboundFrame frame);

    /// <summary>Sends <paramref name="error"/> to this node's control connections of co-operator <paramref name="userId"/> and closes them.</summary>
    void RevokeOperator(string sessionId, string userId, OutboundFrame error);

    /// <summary>Queues on every local listener of <paramref name="language"/>; a listener whose queue is full is dropped.</summary>
    void DeliverToListeners(string sessionId, string language, Delivery delivery);

    void DeliverToAllListeners(string sessionId, Delivery delivery);

    /// <summary>Marks the local runtime ended, sends <paramref name="ended"/> to its connections, closes and retires it; false if none.</summary>
    bool EndSession(string sessionId, OutboundFrame ended);
}
