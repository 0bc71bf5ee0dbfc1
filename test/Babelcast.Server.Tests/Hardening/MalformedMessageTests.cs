using System.Net.WebSockets;
using System.Text;
using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>
/// Every kind of unparseable text message is answered with INVALID_MESSAGE and the socket stays usable, on both
/// endpoints and as a listener's first message (where it must not stall the join).
/// </summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class MalformedMessageTests(WebSocketServerFixture fx)
{
    private static readonly Dictionary<string, byte[]> Payloads = new()
    {
        ["loneHighSurrogateType"] = Utf8("""{"type":"\ud800"}"""),
        ["loneLowSurrogateField"] = Utf8("""{"type":"heartbeat","note":"a\udc00b"}"""),
        ["loneSurrogateName"] = Utf8("""{"type":"heartbeat","\ud83d":1}"""),
        ["loneSurrogateLanguage"] = Utf8("""{"type":"changeLanguage","targetLanguage":"\ud800"}"""),
        ["typeNotString"] = Utf8("""{"type":["heartbeat"]}"""),
        ["afterSeqNotNumber"] = Utf8("""{"type":"resume","afterSeq":"5"}"""),
        ["afterSeqFraction"] = Utf8("""{"type":"resume","afterSeq":1.5}"""),
        ["deepNesting"] = Utf8("""{"type":"heartbeat","a":""" + new string('[', 40) + new string(']', 40) + "}"),
        ["notAnObject"] = Utf8("\"heartbeat\""),
        ["number"] = Utf8("42"),
        ["truncated"] = Utf8("""{"type":"heart"""),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Payloads.Keys)
        {
            // A speaker's resume restarts the broadcast and has no afterSeq.
            if (!name.StartsWith("afterSeq", StringComparison.Ordinal))
            {
                data.Add("speak", name);
            }

            data.Add("listen", name);
        }

        return data;
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Payloads.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TextMessage_Unparseable_InvalidMessageAndSocketStaysUsable(string endpoint, string payload)
    {
        await using var pair = await Pair.StartAsync(fx);
        var client = pair.Get(endpoint);
        var mark = SocketAssert.Mark(client);

        await client.SendAsync(Payloads[payload], WebSocketMessageType.Text);

        await SocketAssert.NextErrorAsync(client, mark, "INVALID_MESSAGE");
        await pair.AssertBothServedAsync();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task ListenerFirstMessage_Unparseable_InvalidMessageJoinedAndCounted(string payload)
    {
        var (id, speaker) = await fx.StartSessionAsync();
        await using var _ = speaker;
        await using var listener = await fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es");

        await listener.SendAsync(Payloads[payload], WebSocketMessageType.Text);

        await listener.WaitForTypeAsync("sessionJoined", Waits.Long);
        var error = await listener.WaitForTypeAsync("error", Waits.Long);
        Assert.Equal("INVALID_MESSAGE", error.Text("code"));
        await SocketAssert.RoundTripAsync(listener);
        await SocketAssert.StatusAsync(speaker, 0, ("es", 1));
    }

    [Theory]
    [InlineData("speak")]
    [InlineData("listen")]
    public async Task TextMessage_InvalidUtf8_ClosedAsInvalidPayloadAndOtherPartyServed(string endpoint)
    {
        await using var pair = await Pair.StartAsync(fx);
        var client = pair.Get(endpoint);

        await client.SendAsync(new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D }, WebSocketMessageType.Text);

        // The runtime closes with 1007 and drops the connection at once, so the close frame sometimes never arrives;
        // either way the connection ends and no other status (and no reply) is ever seen.
        await client.WaitForCloseAsync(Waits.Long);
        Assert.True(client.CloseStatus is null or WebSocketCloseStatus.InvalidPayloadData, $"closed with {client.CloseStatus}");
        var other = endpoint == "speak" ? pair.Listener : pair.Speaker;
        await SocketAssert.RoundTripAsync(other);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
