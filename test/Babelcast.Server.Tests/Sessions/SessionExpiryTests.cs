using System.Net;
using System.Text.Json;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Sessions;

public sealed class SessionExpiryTests
{
    [Theory]
    [InlineData("IdleTimeout")]
    [InlineData("MaxLifetime")]
    public async Task Sweeper_IdleOrTooOldSession_EndsIt(string limit)
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Sessions:" + limit] = "00:00:01",
            ["Babelcast:Sessions:SweepInterval"] = "00:00:00.200",
        });
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        using var client = server.CreateClient();

        Assert.Equal("active", await StatusAsync(client, id));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var status = "active";
        while (status != "ended" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = await StatusAsync(client, id);
        }

        Assert.Equal("ended", status);
    }

    [Fact]
    public async Task Create_MaxLifetimeConfigured_SetsExpiresAt()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Sessions:MaxLifetime"] = "03:00:00",
        });
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());
        using var client = server.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/sessions/" + id));
        var root = doc.RootElement;
        Assert.Equal(TimeSpan.FromHours(3), root.GetProperty("expiresAt").GetDateTimeOffset() - root.GetProperty("createdAt").GetDateTimeOffset());
    }

    private static async Task<string?> StatusAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync("/api/sessions/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("status").GetString();
    }
}
