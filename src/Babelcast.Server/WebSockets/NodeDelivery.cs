using Babelcast.Core.Broadcasting;
using Babelcast.Core.Sessions;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// This node's end of a cluster bus: what the bus carries goes into the node's connection store, and after the bus
/// reconnected each listener is replayed from the store what it missed, as its own <c>resume</c> would.
/// </summary>
internal sealed class NodeDelivery(IConnectionStore connections, LiveStateApplier states, ListenerReplay replay, ILogger<NodeDelivery> logger) : ILocalDelivery
{
    public IReadOnlyCollection<string> SessionIds => connections.SessionIds;

    public event Action<string>? ConnectionsChanged
    {
        add => connections.ConnectionsChanged += value;
        remove => connections.ConnectionsChanged -= value;
    }

    public IReadOnlyDictionary<string, int> ListenerCounts(string sessionId) => connections.ListenerCounts(sessionId);

    public void DeliverToSpeaker(string sessionId, OutboundFrame frame) => connections.DeliverToSpeaker(sessionId, frame);

    public void DeliverToListeners(string sessionId, string language, Delivery delivery) => connections.DeliverToListeners(sessionId, language, delivery);

    public void DeliverToAllListeners(string sessionId, Delivery delivery) => connections.DeliverToAllListeners(sessionId, delivery);

    public bool EndSession(string sessionId, OutboundFrame ended) => connections.EndSession(sessionId, ended);

    public void RevokeOperator(string sessionId, string userId, OutboundFrame error) => connections.RevokeOperator(sessionId, userId, error);

    public void ApplyState(string sessionId, SessionStateChange change) => states.Apply(sessionId, change);

    public void Resync(string sessionId)
    {
        if (connections.Find(sessionId) is not { } runtime)
        {
            return;
        }

        foreach (var listener in runtime.AllListeners())
        {
            _ = ResyncAsync(runtime, listener);
        }
    }

    private async Task ResyncAsync(SessionRuntime runtime, LiveConnection listener)
    {
        listener.HoldForReplay();
        IReadOnlyList<Delivery> missed = [];
        try
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            missed = await replay.ResumeAsync(runtime.SessionId, runtime.SourceLanguage, listener.Language!, listener.LastFinalSeq, budget.Token);
        }
        catch (Exception ex)
        {
            Log.ResyncFailed(logger, runtime.SessionId, ex);
        }
        finally
        {
            listener.ReleaseAfterReplay(missed);
        }
    }
}
