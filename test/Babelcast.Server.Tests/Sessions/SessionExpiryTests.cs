using System.Net;
using System.Text.Json;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Server.Tests.Sessions;

public sealed class SessionExpiryTests
{
    private const int SweepDoneEventId = 1106;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("IdleTimeout")]
    [InlineData("MaxLifetime")]
    public async Task Sweeper_IdleOrTooOldSession_EndsItAtTheFirstSweepPastTheLimit(string limit)
    {
        // Tokens are checked against the real clock, so the fake one starts at the real time.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Babelcast:Sessions:" + limit] = "00:10:00",
                ["Babelcast:Sessions:SweepInterval"] = "00:09:00",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddLogging(b => b.AddFakeLogging().AddFilter<FakeLoggerProvider>("Babelcast.Server.Sessions", LogLevel.Debug));
            });
        var logs = server.Services.GetFakeLogCollector();
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        using var client = server.CreateClient();

        // One sweep interval per step, so that each step sets off exactly one sweep. Before the limit: left alone.
        await SweepAtAsync(clock, logs, TimeSpan.FromMinutes(9));
        Assert.Equal("active", await StatusAsync(client, id));

        await SweepAtAsync(clock, logs, TimeSpan.FromMinutes(9));
        Assert.Equal("ended", await StatusAsync(client, id));
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

    /// <summary>Moves the clock on by <paramref name="by"/> and waits until the sweep that this sets off has finished.</summary>
    private static async Task SweepAtAsync(FakeTimeProvider clock, FakeLogCollector logs, TimeSpan by)
    {
        var done = logs.CountOf(IsSweepDone);
        clock.Advance(by);
        await logs.WaitForAsync(IsSweepDone, Wait, done + 1);
    }

    private static bool IsSweepDone(FakeLogRecord record) => record.Id.Id == SweepDoneEventId;

    private static async Task<string?> StatusAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync("/api/sessions/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("status").GetString();
    }
}
