using System.Buffers;
using System.Text.Json;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Protocol;

/// <summary>Serialises one JSON message into a frame, once, as UTF-8; the message builders write the fields.</summary>
internal static class MessageWriter
{
    public static OutboundFrame Json(string type, Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(MessageFields.Type, type);
            fields(writer);
            writer.WriteEndObject();
        }

        return new OutboundFrame(buffer.WrittenMemory.ToArray(), false);
    }

    /// <summary>Marks a phrase that was not spoken (<c>origin: "typed"</c>); speech carries no field.</summary>
    public static void WriteOrigin(Utf8JsonWriter w, PhraseOrigin origin)
    {
        if (origin.WireName() is { } name)
        {
            w.WriteString(MessageFields.Origin, name);
        }
    }

    /// <summary>The prepared-text lines a phrase carries (<c>cues</c>); nothing for other phrases.</summary>
    public static void WriteCues(Utf8JsonWriter w, IReadOnlyList<int>? cues)
    {
        if (cues is null)
        {
            return;
        }

        w.WriteStartArray(MessageFields.Cues);
        foreach (var cue in cues)
        {
            w.WriteNumberValue(cue);
        }

        w.WriteEndArray();
    }

    public static void WriteTimings(Utf8JsonWriter w, PhraseClock? clock)
    {
        if (clock is null)
        {
            return;
        }

        w.WriteStartObject(MessageFields.Timings);
        foreach (var (stage, ms) in clock.Snapshot())
        {
            w.WriteNumber(stage, ms);
        }

        w.WriteNumber(MessageFields.SinceSpeechEndMs, Math.Round(clock.ElapsedMs(), 1));
        w.WriteEndObject();
    }

    public static string StatusName(SessionStatus status) => status.ToString().ToLowerInvariant();
}
