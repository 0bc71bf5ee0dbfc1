using System.Text;
using System.Text.Json;

namespace Babelcast.Engines.HttpTranslation;

/// <summary>
/// Reads a chat-completions answer: server-sent events (<c>data: {chunk}</c> lines with <c>choices[0].delta.content</c>,
/// ended by <c>data: [DONE]</c>) or one JSON object (<c>choices[0].message.content</c>), whichever the server sent.
/// Null when the body is not such an answer.
/// </summary>
internal static class ChatCompletionReader
{
    public static async Task<string?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var mediaType = content.Headers.ContentType?.MediaType;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadEventsAsync(stream, cancellationToken);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return Content(document.RootElement, "message");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadEventsAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = new StringBuilder();
        var chunks = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line.AsSpan(5).Trim();
            if (data.SequenceEqual("[DONE]"))
            {
                return text.ToString();
            }

            try
            {
                using var chunk = JsonDocument.Parse(data.ToString());
                if (chunk.RootElement.TryGetProperty("error", out _))
                {
                    return null;
                }

                text.Append(Content(chunk.RootElement, "delta"));
                chunks++;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // A stream cut before [DONE] is an answer only if something came (some servers end without the marker).
        return chunks > 0 ? text.ToString() : null;
    }

    private static string? Content(JsonElement root, string part)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices) ||
            choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return null;
        }

        var first = choices[0];
        return first.TryGetProperty(part, out var message) && message.ValueKind == JsonValueKind.Object &&
            message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : part == "delta" ? string.Empty : null;
    }
}
