using Babelcast.Core.Broadcasting;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Tells the speaker how many listeners each language has. The counts come from <see cref="IListenerPresence"/> and
/// go out on the bus, so that in a cluster a listener joining on one node reaches the speaker on another.
/// </summary>
internal sealed class AudienceStatus(IBroadcaster broadcaster, IListenerPresence presence, TimeProvider time)
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Pushes are coalesced (at most one per 200 ms, always ending with the current counts) so that a crowd joining at
    /// once cannot flood the speaker's socket.
    /// </summary>
    public void Push(SessionRuntime runtime)
    {
        if (!runtime.TryScheduleStatus())
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(StatusInterval, time, CancellationToken.None);
            runtime.StatusSent();
            SendNow(runtime.SessionId);
        }, CancellationToken.None);
    }

    private void SendNow(string sessionId) =>
        broadcaster.SendToSpeaker(sessionId, SpeakerMessages.SessionStatus(presence.GetListenerCounts(sessionId)));
}
