using System.Buffers;
using System.Text.Json;

namespace Babelcast.Core.Broadcasting;

/// <summary>Serialises one JSON message into a frame; callers write the fields.</summary>
public static class MessageWriter
{
    public static OutboundFrame Json(string type, Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            fields(writer);
            writer.WriteEndObject();
        }

        return new OutboundFrame(buffer.WrittenMemory.ToArray(), false);
    }

    public static OutboundFrame Json(string type) => Json(type, static _ => { });

    public static OutboundFrame Error(string code, string message, int? retryAfterSeconds = null, IEnumerable<string>? supportedLanguages = null) =>
        Json("error", w =>
        {
            w.WriteString("code", code);
            w.WriteString("message", message);
            if (retryAfterSeconds is { } retry)
            {
                w.WriteNumber("retryAfter", retry);
            }

            if (supportedLanguages is not null)
            {
                w.WriteStartArray("supportedLanguages");
                foreach (var l in supportedLanguages)
                {
                    w.WriteStringValue(l);
                }

                w.WriteEndArray();
            }
        });
}
