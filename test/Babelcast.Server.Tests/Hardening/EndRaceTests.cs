using Babelcast.Server.Tests.WebSockets;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>
/// Joins racing a DELETE: whoever the server admits (sessionJoined / connected) must also hear sessionEnded and be
/// closed; nobody may stay connected to an ended session.
/// </summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class EndRaceTests(WebSocketServerFixture fx)
{
    private const int Rounds = 25;
    private const int ListenersPerRound = WebSocketServerFixture.ListenerCap - 1;

    [Fact]
    public async Task JoinsRacingDelete_EveryAdmittedClientGetsSessionEnded()
    {
        using var http = fx.OwnerClient();
        var admitted = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var id = await fx.CreateSessionAsync();
            var joins = Enumerable.Range(0, ListenersPerRound)
                .Select(_ => fx.ConnectAsync($"/ws/listen?sessionId={id}&targetLanguage=es"))
                .Append(fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OwnerToken}"))
                .ToList();

            // Stagger the end across the joins' admission, a little differently each round.
            await Task.Delay(round % 5 * 3);
            using var deleted = await http.DeleteAsync(new Uri($"/api/sessions/{id}", UriKind.Relative));
            deleted.EnsureSuccessStatusCode();

            var clients = await Task.WhenAll(joins);
            try
            {
                await Task.WhenAll(clients.Select(c => c.WaitForCloseAsync(Waits.Long).ContinueWith(_ => { }, TaskScheduler.Default)));
                foreach (var client in clients)
                {
                    var types = client.Messages.Select(m => m.Type).ToList();
                    if (types.Contains("sessionJoined") || types.Contains("connected"))
                    {
                        admitted++;
                        Assert.True(types.Contains("sessionEnded"), $"round {round}: admitted but never ended: {string.Join(",", types)}");
                        Assert.NotNull(client.CloseStatus); // the server closed it (the client may not have answered yet)
                    }
                    else
                    {
                        Assert.Equal("SESSION_ENDED", Assert.Single(client.Messages, m => m.Type == "error").Text("code"));
                    }
                }
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }
        }

        Assert.True(admitted > 0, "no join was ever admitted: the race was never run");
    }
}
