namespace Babelcast.Core.Broadcasting;

/// <summary>
/// Frames that must reach a listener together and in order (e.g. an <c>audio</c> header and its binary MP3).
/// <see cref="Seq"/> and <see cref="Kind"/> let each listener drop what it already received through a replay.
/// </summary>
public sealed record Delivery(DeliveryKind Kind, long Seq, IReadOnlyList<OutboundFrame> Frames)
{
    private byte[]? _wire;

    /// <summary>Payload bytes of all frames, computed once: every listener's queue accounts for it on the fan-out path.</summary>
    public long Bytes { get; } = SizeOf(Frames);

    /// <summary>
    /// The frames as WebSocket bytes (<see cref="WebSocketWire"/>), built by the first listener that needs them and then
    /// shared: fan-out writes them to each transport at once. Two threads may both build them; either result is right.
    /// </summary>
    public ReadOnlyMemory<byte> Wire => _wire ??= WebSocketWire.Encode(Frames);

    public static Delivery Control(OutboundFrame frame) => new(DeliveryKind.Control, 0, [frame]);

    private static long SizeOf(IReadOnlyList<OutboundFrame> frames)
    {
        long size = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            size += frames[i].Payload.Length;
        }

        return size;
    }
}
