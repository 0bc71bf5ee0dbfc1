namespace Babelcast.Server.Tests.Fuzz;

/// <summary>One client frame of a WebSocket case: its bytes and whether it is binary.</summary>
public sealed record WsFrame(string Name, byte[] Data, bool Binary = false)
{
    public override string ToString() => $"{(Binary ? "binary" : "text")}:{Name}({Data.Length})";
}
