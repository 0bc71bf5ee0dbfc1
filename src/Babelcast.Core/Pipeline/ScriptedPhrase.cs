using System.Buffers;
using System.Text.Json;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// Text the operator sent that is not speech and brings its own translations: a Bible passage (split into
/// sentence-sized phrases) or a line of prepared text. It travels through the session's ingest log as one item, so
/// that it goes out in order with the speech around it, and every segment becomes a phrase of its own.
/// </summary>
public sealed record ScriptedPhrase(PhraseOrigin Origin, string SourceLanguage, IReadOnlyList<ScriptedSegment> Segments)
{
    /// <summary>The ingest payload (UTF-8 JSON; the log may be a Redis stream read by another node).</summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("origin", Origin.StoredName());
            w.WriteString("source", SourceLanguage);
            w.WriteStartArray("segments");
            foreach (var segment in Segments)
            {
                w.WriteStartObject();
                w.WriteString("text", segment.Text);
                w.WriteBoolean("othersMt", segment.Ready.OthersMachineTranslated);
                if (segment.Ready.Reference is { } reference)
                {
                    w.WriteString("ref", reference);
                }

                if (segment.Ready.Cues is { } cues)
                {
                    w.WriteStartArray("cues");
                    foreach (var cue in cues)
                    {
                        w.WriteNumberValue(cue);
                    }

                    w.WriteEndArray();
                }

                w.WriteStartObject("texts");
                foreach (var (language, text) in segment.Ready.Texts)
                {
                    w.WriteString(language, text);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A payload back; null for one this version cannot read (a log written by another version).</summary>
    public static ScriptedPhrase? FromBytes(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            var segments = new List<ScriptedSegment>();
            foreach (var s in root.GetProperty("segments").EnumerateArray())
            {
                var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var t in s.GetProperty("texts").EnumerateObject())
                {
                    texts[t.Name] = t.Value.GetString() ?? string.Empty;
                }

                var reference = s.TryGetProperty("ref", out var r) ? r.GetString() : null;
                var cues = s.TryGetProperty("cues", out var c) ? c.EnumerateArray().Select(i => i.GetInt32()).ToList() : null;
                segments.Add(new ScriptedSegment(
                    s.GetProperty("text").GetString() ?? string.Empty, new PreparedTexts(texts, s.GetProperty("othersMt").GetBoolean(), reference) { Cues = cues }));
            }

            return new ScriptedPhrase(PhraseOrigins.FromStoredName(root.GetProperty("origin").GetString()), root.GetProperty("source").GetString() ?? "en", segments);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
