using System.Text.Json.Serialization;

namespace Babelcast.Engines.HttpTranslation;

internal sealed record ChatMessage(string Role, string Content);

internal sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages, double Temperature, bool Stream);

internal sealed record LibreTranslateRequest(
    string Q, string Source, string Target, string Format, [property: JsonPropertyName("api_key")] string? ApiKey);

internal sealed record LibreTranslateResponse(string? TranslatedText, string? Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(LibreTranslateRequest))]
[JsonSerializable(typeof(LibreTranslateResponse))]
internal sealed partial class HttpTranslationJson : JsonSerializerContext;
