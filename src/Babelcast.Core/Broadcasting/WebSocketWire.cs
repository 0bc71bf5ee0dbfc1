using System.Buffers.Binary;

namespace Babelcast.Core.Broadcasting;

/// <summary>
/// RFC 6455 server-to-client framing (unmasked, unfragmented, uncompressed). A delivery framed once can be written to
/// every listener's transport as it is: one write and one flush per listener instead of one per frame, and no copy of
/// the payload into a per-socket send buffer.
/// </summary>
public static class WebSocketWire
{
    private const byte Final = 0x80;
    private const byte TextOpcode = 0x1;
    private const byte BinaryOpcode = 0x2;

    /// <summary>The frames as they go on the wire, one after the other.</summary>
    public static byte[] Encode(IReadOnlyList<OutboundFrame> frames)
    {
        var size = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            size += HeaderLength(frames[i].Payload.Length) + frames[i].Payload.Length;
        }

        var wire = new byte[size];
        var at = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var payload = frames[i].Payload.Span;
            at += WriteHeader(wire.AsSpan(at), frames[i].IsBinary, payload.Length);
            payload.CopyTo(wire.AsSpan(at));
            at += payload.Length;
        }

        return wire;
    }

    private static int HeaderLength(int payloadLength) => payloadLength switch
    {
        < 126 => 2,
        <= ushort.MaxValue => 4,
        _ => 10,
    };

    private static int WriteHeader(Span<byte> destination, bool binary, int length)
    {
        destination[0] = (byte)(Final | (binary ? BinaryOpcode : TextOpcode));
        switch (length)
        {
            case < 126:
                destination[1] = (byte)length;
                return 2;
            case <= ushort.MaxValue:
                destination[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
                return 4;
            default:
                destination[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)length);
                return 10;
        }
    }
}
