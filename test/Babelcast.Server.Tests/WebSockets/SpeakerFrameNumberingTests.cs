using System.Buffers.Binary;
using System.Net.WebSockets;
using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// <c>framing=seq</c>: a speaker that numbers its frames loses none and doubles none when its socket drops and it
/// reconnects and resends from <c>lastAudioSeq</c>. The real server and in-process ingest, which records what it accepted.
/// </summary>
public sealed class SpeakerFrameNumberingTests : IAsyncLifetime
{
    private RecordingAudioIngest _ingest = null!;
    private OwnServer _server = null!;
    private string _token = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await OwnServer.StartAsync(new Dictionary<string, string?>(), services => services.AddSingleton<IAudioIngest>(sp =>
            _ingest = new RecordingAudioIngest(new InProcessAudioIngest(sp.GetRequiredService<IOptions<IngestOptions>>()))));
        _token = await _server.Server.GetTokenAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Reconnect_SocketDroppedWithFramesInFlight_ResendFromStartAppendsEachFrameOnce()
    {
        var id = await _server.Server.CreateSessionAsync(_token);
        var (first, connected) = await SpeakAsync(id, "seq");
        Assert.Equal(0, connected.Json.GetProperty(MessageFields.LastAudioSeq).GetInt64());
        await SendFramesAsync(first, 1, 10);
        await SocketAssert.AliveWithoutErrorsAsync(first, 0);

        // 11 to 20 go into a socket that dies under them: the server may have any prefix of them.
        await SendFramesAsync(first, 11, 20);
        first.Abort();
        await first.DisposeAsync();

        var (second, reconnected) = await SpeakAsync(id, "seq");
        await using var _ = second;
        var last = reconnected.Json.GetProperty(MessageFields.LastAudioSeq).GetInt64();
        Assert.InRange(last, 10, 20);

        // A client may resend more than it must (it does not know what arrived): the overlap is dropped.
        await SendFramesAsync(second, 1, 30);
        await SocketAssert.AliveWithoutErrorsAsync(second, 0);

        Assert.Equal(Enumerable.Range(1, 30), _ingest.Frames(id));
        var (third, again) = await SpeakAsync(id, "seq");
        await using var __ = third;
        Assert.Equal(30, again.Json.GetProperty(MessageFields.LastAudioSeq).GetInt64());
    }

    [Fact]
    public async Task NumberedFrames_GapThenLowerNumber_GapAcceptedLowerDroppedSilently()
    {
        var id = await _server.Server.CreateSessionAsync(_token);
        var (speaker, _) = await SpeakAsync(id, "seq");
        await using var _ = speaker;

        foreach (var seq in new[] { 1, 2, 7, 8, 3, 9 })
        {
            await SendFramesAsync(speaker, seq, seq);
        }

        await SocketAssert.AliveWithoutErrorsAsync(speaker, 0);
        Assert.Equal([1, 2, 7, 8, 9], _ingest.Frames(id));
    }

    public static TheoryData<string, byte[]> MalformedFrames() => new()
    {
        { "shorter than the number", new byte[7] },
        { "number without audio", Frame(1, 0) },
        { "odd audio length", [.. Frame(1, 1), 0] },
        { "number zero", Frame(0, 1) },
    };

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public async Task NumberedFrames_Malformed_InvalidAudioFrameAndNothingAppended(string what, byte[] frame)
    {
        Assert.NotEmpty(what);
        var id = await _server.Server.CreateSessionAsync(_token);
        var (speaker, _) = await SpeakAsync(id, "seq");
        await using var _ = speaker;
        var mark = SocketAssert.Mark(speaker);

        await Waits.SendBinaryAsync(speaker, frame);

        var error = await SocketAssert.NextErrorAsync(speaker, mark, ErrorCodes.InvalidAudioFrame);
        await SocketAssert.AliveWithoutErrorsAsync(speaker, speaker.Messages.ToList().IndexOf(error) + 1);
        Assert.Empty(_ingest.Frames(id));
    }

    [Fact]
    public async Task RawFraming_NoParameter_FramesAppendedAsPcmAndConnectedHasNoLastAudioSeq()
    {
        var id = await _server.Server.CreateSessionAsync(_token);
        var (speaker, connected) = await SpeakAsync(id, null);
        await using var _ = speaker;
        Assert.False(connected.Json.TryGetProperty(MessageFields.LastAudioSeq, out var _));

        // Raw PCM whose first samples spell 5 and then 5 again: both are audio, neither is a number.
        await Waits.SendBinaryAsync(speaker, Frame(5, 1600)[8..]);
        await Waits.SendBinaryAsync(speaker, Frame(5, 1600)[8..]);
        await SocketAssert.AliveWithoutErrorsAsync(speaker, 0);

        Assert.Equal([5, 5], _ingest.Frames(id));
    }

    [Fact]
    public async Task UnknownFraming_Connect_RefusedWithInvalidMessage()
    {
        var id = await _server.Server.CreateSessionAsync(_token);
        await using var speaker = await Waits.ConnectAsync(_server.Server.WebSocketUri($"/ws/speak?sessionId={id}&token={_token}&framing=seq2"));

        await SocketAssert.RefusedAsync(speaker, ErrorCodes.InvalidMessage);
    }

    private async Task<(ProtocolClient Speaker, ReceivedMessage Connected)> SpeakAsync(string sessionId, string? framing)
    {
        var query = framing is null ? string.Empty : $"&framing={framing}";
        var speaker = await Waits.ConnectAsync(_server.Server.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={_token}{query}"));
        return (speaker, await speaker.WaitForTypeAsync("connected", Waits.Long));
    }

    private static async Task SendFramesAsync(ProtocolClient speaker, int from, int to)
    {
        for (var seq = from; seq <= to; seq++)
        {
            try
            {
                await Waits.SendBinaryAsync(speaker, Frame(seq, 1600));
            }
            catch (WebSocketException) when (speaker.State != WebSocketState.Open)
            {
                return;
            }
        }
    }

    /// <summary>An 8-byte number, then <paramref name="samples"/> samples whose first two spell the number as an int.</summary>
    private static byte[] Frame(long seq, int samples)
    {
        var frame = new byte[8 + (2 * samples)];
        BinaryPrimitives.WriteInt64LittleEndian(frame, seq);
        if (samples >= 2)
        {
            BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), (int)seq);
        }

        return frame;
    }
}
