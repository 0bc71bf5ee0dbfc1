using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

/// <summary>A parsed client text message: its type and the raw JSON for the fields.</summary>
internal sealed record ClientMessage(string Type, JsonElement Root)
{
    /// <summary>Parses a text frame; null with an error code when it is not a JSON object with a string type.</summary>
    public static ClientMessage? Parse(ReadOnlyMemory<byte> payload, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 8 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty(MessageFields.Type, out var type) || type.ValueKind != JsonValueKind.String)
            {
                error = "A message must be a JSON object with a string \"type\".";
                return null;
            }

            return new ClientMessage(type.GetString()!, doc.RootElement.Clone());
        }
        catch (JsonException)
        {
            error = "The message is not valid JSON.";
            return null;
        }
    }

    public string? GetString(string name) =>
        Root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public long? GetInt64(string name) =>
        Root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var v) ? v : null;
}
