using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

/// <summary>A parsed client text message: its type and the raw JSON for the fields.</summary>
internal sealed record ClientMessage(string Type, JsonElement Root)
{
    private const int MaxDepth = 8;

    /// <summary>
    /// Parses a text frame; null with an error message when it is not a JSON object with a string type, or when any
    /// name or string in it cannot be decoded (a lone UTF-16 surrogate escape such as <c>"\ud800"</c>). Checking every
    /// string here means that reading a field later can never throw.
    /// </summary>
    public static ClientMessage? Parse(ReadOnlyMemory<byte> payload, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty(MessageFields.Type, out var type) || type.ValueKind != JsonValueKind.String)
            {
                error = "A message must be a JSON object with a string \"type\".";
                return null;
            }

            Decode(doc.RootElement);
            return new ClientMessage(type.GetString()!, doc.RootElement.Clone());
        }
        catch (JsonException)
        {
            error = "The message is not valid JSON.";
            return null;
        }
        catch (InvalidOperationException)
        {
            error = "The message holds a string that is not valid text (an unpaired UTF-16 surrogate).";
            return null;
        }
    }

    public string? GetString(string name) =>
        Root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>False when the field is present but not a whole number; absent gives true and null.</summary>
    public bool TryGetOptionalInt64(string name, out long? value)
    {
        value = null;
        if (!Root.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var v))
        {
            value = v;
            return true;
        }

        return false;
    }

    // Throws InvalidOperationException on the first name or string that does not decode.
    private static void Decode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Decode(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Decode(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
