using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Before a connection's welcome (<c>sessionJoined</c>, <c>connected</c>) is written: brings this node's runtime of the
/// session up to the flags another node published before this node had any connection of it (in a cluster; embedded
/// the bus knows nothing beyond this node's runtime and this does nothing). The bus subscription that the connection
/// starts reads the flags again before it delivers any message, so a change published in between is not lost either.
/// </summary>
internal sealed class LiveStateCatchUp(ISessionStateBus states, IConnectionStore connections, LiveStateApplier applier)
{
    public async ValueTask CatchUpAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        // A runtime already here is kept current by the bus; applying a read that a newer message overtook would undo it.
        if (connections.Find(session.Id) is not null)
        {
            return;
        }

        var known = await states.ReadAsync(session.Id, cancellationToken);
        if (known.Count == 0 || connections.Find(session.Id) is not null)
        {
            return;
        }

        // No await between creating the runtime and the caller's own GetOrAdd, which retires it if the join fails.
        connections.GetOrAdd(session);
        foreach (var change in known)
        {
            applier.Apply(session.Id, change);
        }
    }
}
