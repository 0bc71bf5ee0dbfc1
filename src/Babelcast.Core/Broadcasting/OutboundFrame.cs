namespace Babelcast.Core.Broadcasting;

/// <summary>A WebSocket frame serialised once and written unchanged to every recipient.</summary>
public sealed record OutboundFrame(ReadOnlyMemory<byte> Payload, bool IsBinary);
