using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Clients;

/// <summary>A JSON message the speaker's socket received, with the Stopwatch timestamp of its arrival.</summary>
public sealed record ReceivedMessage(string Type, JsonElement Json, long ReceivedTimestamp)
{
    public long Seq => Json.TryGetProperty(MessageFields.Seq, out var s) ? s.GetInt64() : 0;

    public string Text(string name = MessageFields.Text) => Json.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;

    public bool Final => Json.TryGetProperty(MessageFields.Final, out var f) && f.GetBoolean();
}
