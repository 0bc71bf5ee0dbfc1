using Babelcast.Core.Sessions;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Broadcasting;

/// <summary>
/// The embedded state bus: every connection of a session is on this node, so publishing a change is applying it here,
/// on the caller's thread, and this node's runtime is the whole truth (nothing to read for a later connection).
/// </summary>
internal sealed class InProcessSessionStateBus(LiveStateApplier applier) : ISessionStateBus
{
    public void Publish(string sessionId, SessionStateChange change) => applier.Apply(sessionId, change);

    public ValueTask<IReadOnlyList<SessionStateChange>> ReadAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SessionStateChange>>([]);
}
