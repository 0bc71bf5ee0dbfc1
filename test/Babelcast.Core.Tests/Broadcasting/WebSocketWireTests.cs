using System.Buffers.Binary;
using System.Text;
using Babelcast.Core.Broadcasting;

namespace Babelcast.Core.Tests.Broadcasting;

/// <summary>A delivery framed once must be exactly what a WebSocket would have sent frame by frame (RFC 6455, server side).</summary>
public sealed class WebSocketWireTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(65_535, 4)]
    [InlineData(65_536, 10)]
    public void Encode_OneBinaryFrame_HeaderCarriesTheLengthInItsShortestForm(int length, int headerLength)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var wire = WebSocketWire.Encode([new OutboundFrame(payload, true)]);

        Assert.Equal(headerLength + length, wire.Length);
        Assert.Equal(0x82, wire[0]); // FIN, binary; no RSV bits (uncompressed)
        var (read, at) = ReadLength(wire, 0);
        Assert.Equal(length, read);
        Assert.Equal(headerLength, at);
        Assert.Equal(payload, wire[at..]);
    }

    [Fact]
    public void Encode_HeaderAndAudio_TwoFramesInOrderUnmasked()
    {
        var header = Encoding.UTF8.GetBytes("""{"type":"audio","seq":3}""");
        var mp3 = new byte[14_000];
        mp3[^1] = 0xFF;

        var wire = WebSocketWire.Encode([new OutboundFrame(header, false), new OutboundFrame(mp3, true)]);

        Assert.Equal(0x81, wire[0]); // FIN, text
        var (textLength, at) = ReadLength(wire, 0);
        Assert.Equal(header, wire[at..(at + (int)textLength)]);
        var second = at + (int)textLength;
        Assert.Equal(0x82, wire[second]);
        var (binaryLength, binaryAt) = ReadLength(wire, second);
        Assert.Equal(mp3.Length, binaryLength);
        Assert.Equal(mp3, wire[binaryAt..]);
        Assert.Equal(wire, new Delivery(DeliveryKind.Audio, 3, [new OutboundFrame(header, false), new OutboundFrame(mp3, true)]).Wire.ToArray());
    }

    /// <summary>The payload length of the frame at <paramref name="start"/> and where its payload starts; fails on a mask bit.</summary>
    private static (long Length, int PayloadAt) ReadLength(byte[] wire, int start)
    {
        Assert.Equal(0, wire[start + 1] & 0x80);
        var length = wire[start + 1] & 0x7F;
        return length switch
        {
            126 => (BinaryPrimitives.ReadUInt16BigEndian(wire.AsSpan(start + 2)), start + 4),
            127 => ((long)BinaryPrimitives.ReadUInt64BigEndian(wire.AsSpan(start + 2)), start + 10),
            _ => (length, start + 2),
        };
    }
}
