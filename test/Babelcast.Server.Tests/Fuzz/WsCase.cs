namespace Babelcast.Server.Tests.Fuzz;

/// <summary>A WebSocket case: a connection path or a frame, and the documented error code.</summary>
public sealed record WsCase(string Name, string Endpoint, string Code, string? PathAndQuery = null, WsFrame? Frame = null)
{
    public override string ToString() => $"{Endpoint} [{Name}]";
}
