namespace Babelcast.Core.Broadcasting;

/// <summary>
/// Frames that must reach a listener together and in order (e.g. an <c>audio</c> header and its binary MP3).
/// <see cref="Seq"/> and <see cref="Kind"/> let each listener drop what it already received through a replay.
/// </summary>
public sealed record Delivery(DeliveryKind Kind, long Seq, IReadOnlyList<OutboundFrame> Frames)
{
    public static Delivery Control(OutboundFrame frame) => new(DeliveryKind.Control, 0, [frame]);
}
