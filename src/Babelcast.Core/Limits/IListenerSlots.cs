namespace Babelcast.Core.Limits;

/// <summary>
/// The listener cap of a session across nodes. A node takes a place before it adds a listener and gives it back when
/// the listener leaves (or was not added after all). Embedded, every listener is in this node's connection store,
/// whose own check is exact, so the default (<see cref="LocalListenerSlots"/>) takes every place; a cluster
/// implementation counts every node's listeners.
/// </summary>
public interface IListenerSlots
{
    /// <summary>Takes one of the session's <paramref name="cap"/> places; false when the session is full on all nodes together.</summary>
    ValueTask<bool> TryTakeAsync(string sessionId, int cap, CancellationToken cancellationToken);

    /// <summary>Gives back a place taken by <see cref="TryTakeAsync"/>: once per place taken.</summary>
    void Release(string sessionId);
}
