using System.Net.WebSockets;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Runs WebSocket cases one by one, names every failing case in one assertion, then checks the control session.</summary>
internal static class WsFuzzRunner
{
    /// <summary>Runs each case's check; a thrown assertion, timeout or socket error is that case's failure.</summary>
    public static async Task RunAsync<T>(FuzzServerFixture fx, ITestOutputHelper output, string category, IReadOnlyList<T> cases, Func<T, Task> check)
        where T : notnull
    {
        Assert.NotEmpty(cases);
        output.WriteLine($"{category}: {cases.Count} cases");
        var failures = new List<string>();
        foreach (var c in cases)
        {
            try
            {
                await check(c);
            }
            catch (Exception ex) when (ex is XunitException or TimeoutException or WebSocketException or InvalidOperationException)
            {
                failures.Add($"{c}: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        Assert.True(failures.Count == 0, $"{category}: {failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures));
        await fx.AssertControlAsync(category);
    }

    /// <summary>The connection is refused with exactly one <c>error</c> of <paramref name="code"/>, then closed with <paramref name="status"/>.</summary>
    public static async Task RefusedAsync(FuzzServerFixture fx, string pathAndQuery, string code, WebSocketCloseStatus status = WebSocketCloseStatus.PolicyViolation)
    {
        await using var client = await fx.ConnectAsync(pathAndQuery);
        var error = await client.WaitForTypeAsync("error", Waits.Long);
        Assert.True(error.Text("code") == code, $"expected {code}, got {error.Text("code")}");
        Assert.False(string.IsNullOrWhiteSpace(error.Text("message")), "error without a message");
        await client.WaitForCloseAsync(Waits.Long);
        Assert.True(client.CloseStatus == status, $"expected close {(int)status}, got {(int?)client.CloseStatus}");
        var received = string.Join(",", client.Messages.Select(m => m.Type));
        Assert.True(received == "error", $"expected only an error, received {received}");
    }

    /// <summary>Sends one frame on an open connection and expects the next error to carry <paramref name="code"/>.</summary>
    public static async Task ErrorAsync(ProtocolClient client, WsFrame frame, string code)
    {
        var mark = SocketAssert.Mark(client);
        using var cts = new CancellationTokenSource(Waits.Long);
        await client.SendAsync(frame.Data, frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, cts.Token);
        var error = await SocketAssert.NextAsync(client, mark, "error");
        Assert.True(error.Text("code") == code, $"expected {code}, got {error.Text("code")}: {error.Json}");
        Assert.True(client.State == WebSocketState.Open, $"socket {client.State} after the error");
    }
}
