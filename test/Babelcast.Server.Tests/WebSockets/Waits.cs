using System.Net.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// Generous timeouts (the machine is shared and has two cores; a passing test never waits this long), and the
/// client calls that would otherwise wait forever on a stuck server: a hung test must fail, not stall the run.
/// </summary>
internal static class Waits
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    public static async Task<ProtocolClient> ConnectAsync(Uri uri)
    {
        using var cts = new CancellationTokenSource(Long);
        return await ProtocolClient.ConnectAsync(uri, cts.Token);
    }

    public static async Task SendBinaryAsync(ProtocolClient client, byte[] data)
    {
        using var cts = new CancellationTokenSource(Long);
        await client.SendAsync(data, WebSocketMessageType.Binary, cts.Token);
    }
}
