using System.Net.WebSockets;
using System.Text.Json;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Protocol-level assertions over a <see cref="ProtocolClient"/>'s recorded messages.</summary>
internal static class SocketAssert
{
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    /// <summary>The refusal contract: exactly one <c>error</c> with <paramref name="code"/>, then a close with <paramref name="status"/>.</summary>
    public static async Task<ReceivedMessage> RefusedAsync(ProtocolClient client, string code, WebSocketCloseStatus status = WebSocketCloseStatus.PolicyViolation)
    {
        var error = await client.WaitForTypeAsync("error", Waits.Long);
        Assert.Equal(code, error.Text("code"));
        Assert.False(string.IsNullOrWhiteSpace(error.Text("message")));
        await client.WaitForCloseAsync(Waits.Long);
        Assert.Equal(status, client.CloseStatus);
        var received = client.Messages.Select(m => m.Type).ToList();
        Assert.Equal(["error"], received);
        return error;
    }

    /// <summary>A number of messages already received, to wait for what arrives after it.</summary>
    public static int Mark(ProtocolClient client) => client.Messages.Count;

    /// <summary>Waits for a message after <paramref name="mark"/> that satisfies <paramref name="predicate"/>.</summary>
    public static Task<ReceivedMessage> NextAsync(ProtocolClient client, int mark, Func<ReceivedMessage, bool> predicate)
    {
        var before = client.Messages.Take(mark).ToHashSet(ReferenceEqualityComparer.Instance);
        return client.WaitForAsync(m => !before.Contains(m) && predicate(m), Waits.Long);
    }

    public static Task<ReceivedMessage> NextAsync(ProtocolClient client, int mark, string type) => NextAsync(client, mark, m => m.Type == type);

    /// <summary>Waits for the next <c>error</c> after <paramref name="mark"/> and checks its code.</summary>
    public static async Task<ReceivedMessage> NextErrorAsync(ProtocolClient client, int mark, string code)
    {
        var error = await NextAsync(client, mark, "error");
        Assert.Equal(code, error.Text("code"));
        Assert.False(string.IsNullOrWhiteSpace(error.Text("message")));
        return error;
    }

    /// <summary>
    /// A heartbeat round trip: the server handles a connection's messages in order and queues its replies in order,
    /// so everything caused by what was sent before has arrived once the ack is here. Returns the messages in between.
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedMessage>> RoundTripAsync(ProtocolClient client, int? since = null)
    {
        var mark = Mark(client);
        await client.SendJsonAsync(new { type = "heartbeat" });
        var ack = await NextAsync(client, mark, "heartbeatAck");
        Assert.Equal(WebSocketState.Open, client.State);
        return client.Messages.Skip(since ?? mark).TakeWhile(m => !ReferenceEquals(m, ack)).ToList();
    }

    /// <summary>The connection is still served: a heartbeat is answered and nothing unexpected came back.</summary>
    public static async Task AliveWithoutErrorsAsync(ProtocolClient client, int since)
    {
        var between = await RoundTripAsync(client, since);
        Assert.DoesNotContain(between, m => m.Type == "error");
    }

    /// <summary>Waits for a <c>sessionStatus</c> after <paramref name="mark"/> with exactly this distribution.</summary>
    public static Task<ReceivedMessage> StatusAsync(ProtocolClient speaker, int mark, params (string Language, int Count)[] expected) =>
        NextAsync(speaker, mark, m => m.Type == "sessionStatus" && Matches(m.Json, expected));

    public static IReadOnlyDictionary<string, int> Distribution(ReceivedMessage status) =>
        status.Json.GetProperty("languageDistribution").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    public static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static bool Matches(JsonElement status, (string Language, int Count)[] expected)
    {
        var distribution = status.GetProperty("languageDistribution").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        return status.GetProperty("listenerCount").GetInt32() == expected.Sum(e => e.Count) &&
               distribution.Count == expected.Length &&
               expected.All(e => distribution.TryGetValue(e.Language, out var n) && n == e.Count);
    }
}
