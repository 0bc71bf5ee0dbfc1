using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Sessions;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>A node's connection store reduced to what the bus sees: scripted listeners, recorded deliveries.</summary>
internal sealed class RecordingLocalDelivery : ILocalDelivery
{
    private readonly ConcurrentDictionary<string, Dictionary<string, int>> _listeners = new(StringComparer.Ordinal);

    public event Action<string>? ConnectionsChanged;

    public ConcurrentQueue<(string SessionId, string What, Delivery Delivery)> Received { get; } = new();

    public ConcurrentQueue<string> Resynced { get; } = new();

    public IReadOnlyCollection<string> SessionIds => _listeners.Keys.ToArray();

    public void SetListeners(string sessionId, params (string Language, int Count)[] counts)
    {
        if (counts.Length == 0)
        {
            _listeners.TryRemove(sessionId, out _);
        }
        else
        {
            _listeners[sessionId] = counts.ToDictionary(c => c.Language, c => c.Count, StringComparer.Ordinal);
        }

        ConnectionsChanged?.Invoke(sessionId);
    }

    public IReadOnlyDictionary<string, int> ListenerCounts(string sessionId) =>
        _listeners.TryGetValue(sessionId, out var counts) ? counts : new Dictionary<string, int>();

    public void DeliverToSpeaker(string sessionId, OutboundFrame frame) => Received.Enqueue((sessionId, "speaker", Delivery.Control(frame)));

    public void DeliverToListeners(string sessionId, string language, Delivery delivery) => Received.Enqueue((sessionId, language, delivery));

    public void DeliverToAllListeners(string sessionId, Delivery delivery) => Received.Enqueue((sessionId, "all", delivery));

    public bool EndSession(string sessionId, OutboundFrame ended)
    {
        Received.Enqueue((sessionId, "end", Delivery.Control(ended)));
        return true;
    }

    public void RevokeOperator(string sessionId, string userId, OutboundFrame error) => Received.Enqueue((sessionId, "revoke:" + userId, Delivery.Control(error)));

    public ConcurrentQueue<(string SessionId, SessionStateChange Change)> States { get; } = new();

    public void ApplyState(string sessionId, SessionStateChange change) => States.Enqueue((sessionId, change));

    public void Resync(string sessionId) => Resynced.Enqueue(sessionId);
}
