namespace Babelcast.Core.Limits;

/// <summary>The embedded listener cap: nothing to count beyond the node's connection store, which checks the cap itself.</summary>
public sealed class LocalListenerSlots : IListenerSlots
{
    public ValueTask<bool> TryTakeAsync(string sessionId, int cap, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public void Release(string sessionId)
    {
    }
}
