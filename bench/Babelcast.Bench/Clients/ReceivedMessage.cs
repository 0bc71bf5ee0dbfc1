using System.Text.Json;

namespace Babelcast.Bench.Clients;

/// <summary>A JSON message the speaker's socket received, with the Stopwatch timestamp of its arrival.</summary>
public sealed record ReceivedMessage(string Type, JsonElement Json, long ReceivedTimestamp)
{
    public long Seq => Json.TryGetProperty("seq", out var s) ? s.GetInt64() : 0;

    public string Text(string name = "text") => Json.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;

    public bool Final => Json.TryGetProperty("final", out var f) && f.GetBoolean();
}
