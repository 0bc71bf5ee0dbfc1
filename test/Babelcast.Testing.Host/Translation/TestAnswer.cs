namespace Babelcast.Testing.Host.Translation;

/// <summary>
/// What the test translation server answers to one call: a translation (streamed as server-sent events when the chat
/// client asked for a stream, unless <see cref="ForceJson"/>), an HTTP error, or a raw body, after an optional delay.
/// </summary>
public sealed record TestAnswer(
    string? Text, int Status = 200, TimeSpan Delay = default, TimeSpan ChunkDelay = default, string? Raw = null, bool ForceJson = false,
    string ContentType = "application/json")
{
    public static TestAnswer Translation(string text) => new(text);

    public static TestAnswer Error(int status, string body = "{\"error\":\"test failure\"}") => new(null, status, Raw: body);

    public static TestAnswer RawBody(string body) => new(null, Raw: body);
}
