using Babelcast.Core.Broadcasting;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

internal static class Heartbeat
{
    public static OutboundFrame Ack(TimeProvider time) =>
        ConnectionMessages.HeartbeatAck(time.GetUtcNow());
}
