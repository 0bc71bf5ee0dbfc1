using Babelcast.Core.Broadcasting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// The cluster bus: each call is serialised once and published on the session's channel; every node with connections
/// of the session (this one included) delivers it into its own connections. Publishes are fire-and-forget on one
/// connection, so they keep their order; Pub/Sub is at-most-once, which the listeners' resume from the store makes whole.
/// </summary>
public sealed class RedisBroadcaster(RedisConnection connection, IOptions<RedisClusterOptions> options) : IBroadcaster
{
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);

    public void SendToSpeaker(string sessionId, OutboundFrame frame) =>
        Publish(sessionId, BusEnvelope.Write(BusOperation.Speaker, "", Delivery.Control(frame)));

    public void SendToListeners(string sessionId, string language, Delivery delivery) =>
        Publish(sessionId, BusEnvelope.Write(BusOperation.Listeners, language, delivery));

    public void SendToAllListeners(string sessionId, Delivery delivery) =>
        Publish(sessionId, BusEnvelope.Write(BusOperation.AllListeners, "", delivery));

    public void EndSession(string sessionId, OutboundFrame ended)
    {
        // Nobody joins an ended session: its live flags (RedisSessionStateBus) are not needed any more.
        connection.Multiplexer.GetDatabase().KeyDelete(_keys.State(sessionId), CommandFlags.FireAndForget);
        Publish(sessionId, BusEnvelope.Write(BusOperation.End, "", Delivery.Control(ended)));
    }

    public void RevokeOperator(string sessionId, string userId, OutboundFrame error) =>
        Publish(sessionId, BusEnvelope.Write(BusOperation.RevokeOperator, userId, Delivery.Control(error)));

    private void Publish(string sessionId, byte[] message) =>
        connection.Multiplexer.GetSubscriber().Publish(_keys.Bus(sessionId), message, CommandFlags.FireAndForget);
}
