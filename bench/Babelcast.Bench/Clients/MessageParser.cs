using System.Text;
using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Clients;

/// <summary>Reads the few top-level fields of a server message without building a document.</summary>
internal static class MessageParser
{
    private static readonly byte[] TypeName = Encoding.UTF8.GetBytes(MessageFields.Type);
    private static readonly byte[] SeqName = Encoding.UTF8.GetBytes(MessageFields.Seq);
    private static readonly byte[] FinalName = Encoding.UTF8.GetBytes(MessageFields.Final);
    private static readonly byte[] ReplayName = Encoding.UTF8.GetBytes(MessageFields.Replay);
    private static readonly byte[] CodeName = Encoding.UTF8.GetBytes(MessageFields.Code);
    private static readonly byte[] TimingsName = Encoding.UTF8.GetBytes(MessageFields.Timings);
    private static readonly byte[] SinceName = Encoding.UTF8.GetBytes(MessageFields.SinceSpeechEndMs);
    private static readonly byte[] CaptionType = Encoding.UTF8.GetBytes(MessageTypes.Caption);
    private static readonly byte[] AudioType = Encoding.UTF8.GetBytes(MessageTypes.Audio);

    public static (ArrivalKind Kind, long Seq, bool Replay, float ServerMs, string? Code, MessageDetail? Detail) Parse(ReadOnlySpan<byte> json, bool detailed)
    {
        var reader = new Utf8JsonReader(json);
        string? type = null, code = null, text = null;
        long seq = 0, startMs = 0, endMs = 0;
        bool final = false, replay = false;
        Dictionary<string, double>? timings = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (ArrivalKind.Other, 0, false, float.NaN, null, null);
        }

        var since = float.NaN;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!detailed)
            {
                // Thousands of lean listeners parse every message while sharing the cores with the server: no strings
                // but the type and an error's code, no timings dictionary.
                ReadLean(ref reader, ref type, ref code, ref seq, ref final, ref replay, ref since);
                continue;
            }

            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case MessageFields.Type: type = reader.GetString(); break;
                case MessageFields.Seq: seq = reader.GetInt64(); break;
                case MessageFields.Final: final = reader.GetBoolean(); break;
                case MessageFields.Replay: replay = reader.GetBoolean(); break;
                case MessageFields.Code: code = reader.GetString(); break;
                case MessageFields.StartMs: startMs = reader.GetInt64(); break;
                case MessageFields.EndMs: endMs = reader.GetInt64(); break;
                case MessageFields.Text: text = reader.GetString(); break;
                case MessageFields.Timings: timings = ReadTimings(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        var kind = type switch
        {
            MessageTypes.Caption or MessageTypes.Transcript => final ? ArrivalKind.FinalCaption : ArrivalKind.PartialCaption,
            MessageTypes.Audio => ArrivalKind.AudioHeader,
            MessageTypes.SessionJoined or MessageTypes.Connected => ArrivalKind.Joined,
            MessageTypes.Error => ArrivalKind.Error,
            MessageTypes.SessionEnded => ArrivalKind.SessionEnded,
            _ => ArrivalKind.Other,
        };
        var detail = detailed && kind is ArrivalKind.FinalCaption or ArrivalKind.PartialCaption or ArrivalKind.AudioHeader
            ? new MessageDetail(startMs, endMs, text ?? string.Empty, timings ?? [])
            : null;
        if (timings is not null && timings.TryGetValue(MessageFields.SinceSpeechEndMs, out var ms))
        {
            since = (float)ms;
        }

        return (kind, seq, replay, since, code, detail);
    }

    private static void ReadLean(ref Utf8JsonReader reader, ref string? type, ref string? code, ref long seq, ref bool final, ref bool replay, ref float since)
    {
        if (reader.ValueTextEquals(TypeName))
        {
            reader.Read();
            type = reader.ValueTextEquals(CaptionType) ? MessageTypes.Caption
                : reader.ValueTextEquals(AudioType) ? MessageTypes.Audio
                : reader.GetString();
            return;
        }

        var field = reader.ValueTextEquals(SeqName) ? 1 : reader.ValueTextEquals(FinalName) ? 2 : reader.ValueTextEquals(ReplayName) ? 3
            : reader.ValueTextEquals(CodeName) ? 4 : reader.ValueTextEquals(TimingsName) ? 5 : 0;
        reader.Read();
        switch (field)
        {
            case 1: seq = reader.GetInt64(); break;
            case 2: final = reader.GetBoolean(); break;
            case 3: replay = reader.GetBoolean(); break;
            case 4: code = reader.GetString(); break;
            case 5 when reader.TokenType == JsonTokenType.StartObject: since = ReadSince(ref reader); break;
            default: reader.Skip(); break;
        }
    }

    private static float ReadSince(ref Utf8JsonReader reader)
    {
        var since = float.NaN;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(SinceName);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.Number)
            {
                since = (float)reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        return since;
    }

    private static Dictionary<string, double> ReadTimings(ref Utf8JsonReader reader)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return result;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number)
            {
                result[name] = reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        return result;
    }
}
