using System.Buffers.Binary;
using System.Text;
using Babelcast.Core.Broadcasting;

namespace Babelcast.Cluster.Redis;

/// <summary>What travels on a session's bus channel: one broadcaster call, serialised once for every node.</summary>
internal enum BusOperation : byte
{
    Speaker = 1,
    Listeners = 2,
    AllListeners = 3,
    End = 4,

    /// <summary>A live state change (<see cref="RedisSessionStateBus"/>): one binary frame of flag, value, acknowledge.</summary>
    State = 5,

    /// <summary>A co-operator's invitation was revoked: the language field carries the user id, the frame the error.</summary>
    RevokeOperator = 6,
}

/// <summary>
/// The wire form of a bus message: operation, language, delivery kind and seq, then each frame as (binary flag,
/// length, bytes). Binary, so that MP3 audio is not inflated by an encoding.
/// </summary>
internal static class BusEnvelope
{
    private const byte Version = 1;

    public static byte[] Write(BusOperation operation, string language, Delivery delivery)
    {
        var languageBytes = Encoding.UTF8.GetBytes(language);
        var size = 1 + 1 + 1 + languageBytes.Length + 1 + 8 + 4;
        foreach (var frame in delivery.Frames)
        {
            size += 1 + 4 + frame.Payload.Length;
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = Version;
        span[1] = (byte)operation;
        span[2] = checked((byte)languageBytes.Length);
        languageBytes.CopyTo(span[3..]);
        var at = 3 + languageBytes.Length;
        span[at++] = (byte)delivery.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], delivery.Seq);
        at += 8;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], delivery.Frames.Count);
        at += 4;
        foreach (var frame in delivery.Frames)
        {
            span[at++] = frame.IsBinary ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], frame.Payload.Length);
            at += 4;
            frame.Payload.Span.CopyTo(span[at..]);
            at += frame.Payload.Length;
        }

        return buffer;
    }

    /// <summary>Parses a message; null when it is not one this version understands (it is dropped, never half-applied).</summary>
    public static (BusOperation Operation, string Language, Delivery Delivery)? Read(ReadOnlyMemory<byte> message)
    {
        try
        {
            var span = message.Span;
            if (span.Length < 3 || span[0] != Version)
            {
                return null;
            }

            var operation = (BusOperation)span[1];
            var language = Encoding.UTF8.GetString(span.Slice(3, span[2]));
            var at = 3 + span[2];
            var kind = (DeliveryKind)span[at++];
            var seq = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
            at += 8;
            var count = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
            at += 4;
            if (count is < 0 or > 64)
            {
                return null;
            }

            var frames = new OutboundFrame[count];
            for (var i = 0; i < count; i++)
            {
                var binary = span[at++] == 1;
                var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
                at += 4;
                frames[i] = new OutboundFrame(message.Slice(at, length), binary);
                at += length;
            }

            return at == span.Length ? (operation, language, new Delivery(kind, seq, frames)) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
