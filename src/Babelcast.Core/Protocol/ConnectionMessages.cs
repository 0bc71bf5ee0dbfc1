using Babelcast.Core.Broadcasting;

namespace Babelcast.Core.Protocol;

/// <summary>Server messages that speakers and listeners both receive.</summary>
public static class ConnectionMessages
{
    public static OutboundFrame HeartbeatAck(DateTimeOffset serverTime) =>
        MessageWriter.Json(MessageTypes.HeartbeatAck, w => w.WriteNumber(MessageFields.ServerTime, serverTime.ToUnixTimeMilliseconds()));

    public static OutboundFrame SessionEnded(string sessionId, string reason) =>
        MessageWriter.Json(MessageTypes.SessionEnded, w =>
        {
            w.WriteString(MessageFields.SessionId, sessionId);
            w.WriteString(MessageFields.Reason, reason);
        });

    /// <summary>An <c>error</c> with a code from <see cref="ErrorCodes"/>.</summary>
    public static OutboundFrame Error(string code, string message, int? retryAfterSeconds = null, IEnumerable<string>? supportedLanguages = null) =>
        MessageWriter.Json(MessageTypes.Error, w =>
        {
            w.WriteString(MessageFields.Code, code);
            w.WriteString(MessageFields.Message, message);
            if (retryAfterSeconds is { } retry)
            {
                w.WriteNumber(MessageFields.RetryAfter, retry);
            }

            if (supportedLanguages is not null)
            {
                w.WriteStartArray(MessageFields.SupportedLanguages);
                foreach (var l in supportedLanguages)
                {
                    w.WriteStringValue(l);
                }

                w.WriteEndArray();
            }
        });
}
