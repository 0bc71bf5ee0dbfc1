using System.Text;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// Size limits and malformed input on both endpoints: each gets its error code, the connection stays usable,
/// and the other party of the session notices nothing.
/// </summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class InputLimitTests(WebSocketServerFixture fx)
{
    public static TheoryData<string, string, string> BadText() => new()
    {
        { "speak", "{not json", "INVALID_MESSAGE" },
        { "speak", "", "INVALID_MESSAGE" },
        { "speak", "[1,2,3]", "INVALID_MESSAGE" },
        { "speak", """{"kind":"heartbeat"}""", "INVALID_MESSAGE" },
        { "speak", """{"type":7}""", "INVALID_MESSAGE" },
        { "speak", new string('[', 200) + new string(']', 200), "INVALID_MESSAGE" },
        { "speak", """{"type":"dance"}""", "UNKNOWN_MESSAGE_TYPE" },
        { "speak", """{"type":"changeLanguage","targetLanguage":"es"}""", "UNKNOWN_MESSAGE_TYPE" },
        { "listen", "{not json", "INVALID_MESSAGE" },
        { "listen", "null", "INVALID_MESSAGE" },
        { "listen", """{"type":null}""", "INVALID_MESSAGE" },
        { "listen", """{"type":"dance"}""", "UNKNOWN_MESSAGE_TYPE" },
        { "listen", """{"type":"pause"}""", "UNKNOWN_MESSAGE_TYPE" },
        { "listen", """{"type":"end"}""", "UNKNOWN_MESSAGE_TYPE" },
    };

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task TextMessage_Malformed_ErrorCodeAndConnectionStaysUsable(string endpoint, string text, string code)
    {
        await using var pair = await Pair.StartAsync(fx);
        var client = pair.Get(endpoint);
        var mark = SocketAssert.Mark(client);

        await client.SendTextAsync(text);

        await SocketAssert.NextErrorAsync(client, mark, code);
        await pair.AssertBothServedAsync();
    }

    [Theory]
    [InlineData("speak")]
    [InlineData("listen")]
    public async Task TextMessage_Over4KiB_MessageTooLarge(string endpoint)
    {
        await using var pair = await Pair.StartAsync(fx);
        var client = pair.Get(endpoint);
        var mark = SocketAssert.Mark(client);

        await client.SendTextAsync(PaddedHeartbeat(4097));

        await SocketAssert.NextErrorAsync(client, mark, "MESSAGE_TOO_LARGE");
        Assert.DoesNotContain(client.Messages.Skip(mark), m => m.Type == "heartbeatAck");
        await pair.AssertBothServedAsync();
    }

    [Theory]
    [InlineData("speak")]
    [InlineData("listen")]
    public async Task TextMessage_Exactly4KiB_Accepted(string endpoint)
    {
        await using var pair = await Pair.StartAsync(fx);
        var client = pair.Get(endpoint);
        var mark = SocketAssert.Mark(client);

        await client.SendTextAsync(PaddedHeartbeat(4096));

        await SocketAssert.NextAsync(client, mark, "heartbeatAck");
        Assert.DoesNotContain(client.Messages.Skip(mark), m => m.Type == "error");
    }

    [Theory]
    [InlineData(32 * 1024 + 2, "MESSAGE_TOO_LARGE")]
    [InlineData(1024 * 1024, "MESSAGE_TOO_LARGE")]
    [InlineData(3201, "INVALID_AUDIO_FRAME")]
    [InlineData(1, "INVALID_AUDIO_FRAME")]
    [InlineData(0, "INVALID_AUDIO_FRAME")]
    public async Task AudioFrame_TooLargeOddOrEmpty_ErrorCodeAndSpeakerStaysUsable(int length, string code)
    {
        await using var pair = await Pair.StartAsync(fx);
        var speaker = pair.Get("speak");
        var mark = SocketAssert.Mark(speaker);

        await Waits.SendBinaryAsync(speaker, new byte[length]);

        await SocketAssert.NextErrorAsync(speaker, mark, code);
        await pair.AssertBothServedAsync();
    }

    [Theory]
    [InlineData(32 * 1024)]
    [InlineData(3200)]
    [InlineData(2)]
    public async Task AudioFrame_EvenAndWithinLimit_AcceptedWithoutError(int length)
    {
        await using var pair = await Pair.StartAsync(fx);
        var mark = SocketAssert.Mark(pair.Speaker);
        await Waits.SendBinaryAsync(pair.Speaker, new byte[length]);
        await SocketAssert.AliveWithoutErrorsAsync(pair.Speaker, mark);
    }

    [Theory]
    [InlineData(3200)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    public async Task AudioFrame_FromListener_AudioNotAllowedOrTooLarge(int length)
    {
        await using var pair = await Pair.StartAsync(fx);
        var listener = pair.Get("listen");
        var mark = SocketAssert.Mark(listener);

        await Waits.SendBinaryAsync(listener, new byte[length]);

        var error = await SocketAssert.NextAsync(listener, mark, "error");
        string[] expected = length > 32 * 1024 ? ["MESSAGE_TOO_LARGE", "AUDIO_NOT_ALLOWED"] : ["AUDIO_NOT_ALLOWED"];
        Assert.Contains(error.Text("code"), expected);
        await pair.AssertBothServedAsync();
    }

    [Fact]
    public async Task AudioFrame_SpeechFasterThanTheSessionCanProcess_IngestOverloadedAndSpeakerStaysUsable()
    {
        await using var pair = await Pair.StartAsync(fx);
        var speaker = pair.Get("speak");

        // Real speech (so the recogniser has work), 1 s frames sent as fast as the socket takes them: the session's
        // queue (WebSocketServerFixture.IngestQueueCapacity frames) fills long before the pipeline drains it.
        var speech = Babelcast.Testing.Wav.Read16kMono(Babelcast.Testing.TestData.SpeechFile("jfk.wav"));
        var frame = new byte[32 * 1024];
        var mark = SocketAssert.Mark(speaker);
        for (var i = 0; i < 4 * WebSocketServerFixture.IngestQueueCapacity; i++)
        {
            var offset = i * (frame.Length / 2) % Math.Max(1, speech.Length - (frame.Length / 2));
            Buffer.BlockCopy(speech, offset * 2, frame, 0, frame.Length);
            await Waits.SendBinaryAsync(speaker, frame);
        }

        await SocketAssert.NextErrorAsync(speaker, mark, "INGEST_OVERLOADED");
        await pair.AssertBothServedAsync();
    }

    /// <summary>A heartbeat padded with a string field to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    internal static string PaddedHeartbeat(int bytes)
    {
        const string head = "{\"type\":\"heartbeat\",\"pad\":\"";
        var text = head + new string('x', bytes - head.Length - 2) + "\"}";
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(text));
        return text;
    }
}
