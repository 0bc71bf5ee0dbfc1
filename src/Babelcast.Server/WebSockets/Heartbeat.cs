using Babelcast.Core.Broadcasting;

namespace Babelcast.Server.WebSockets;

internal static class Heartbeat
{
    public static OutboundFrame Ack(TimeProvider time) =>
        MessageWriter.Json("heartbeatAck", w => w.WriteNumber("serverTime", time.GetUtcNow().ToUnixTimeMilliseconds()));
}
