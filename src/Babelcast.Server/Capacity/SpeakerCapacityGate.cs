using System.Net.WebSockets;
using Babelcast.Core.Protocol;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Capacity;

/// <summary>The capacity check of <c>/ws/speak</c>: admits the speaker or refuses the socket with <c>CAPACITY_EXCEEDED</c>.</summary>
internal sealed class SpeakerCapacityGate(SpeakingSessions speaking, SocketRefusal refusal, IOptions<CapacityOptions> options, ILogger<SpeakerCapacityGate> logger)
{
    public async Task<SpeakingLease?> AdmitAsync(WebSocket socket, string path, string sessionId, CancellationToken cancellationToken)
    {
        if (speaking.TryAdmit(sessionId) is { } lease)
        {
            return lease;
        }

        var limit = speaking.Limit;
        Log.SpeakerRefused(logger, sessionId, limit);
        await refusal.RefuseAsync(socket, path, ErrorCodes.CapacityExceeded, FullMessage(limit), cancellationToken,
            options.Value.RetryAfterSeconds, status: SocketRefusal.TryAgainLater);
        return null;
    }

    public static string FullMessage(int limit) =>
        $"This server is at capacity: it already carries {limit} live session{(limit == 1 ? string.Empty : "s")} with a speaker. Try again when one has ended.";
}
