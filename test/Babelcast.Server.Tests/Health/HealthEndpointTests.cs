using System.Net;
using System.Text.Json;
using Babelcast.Core.Translation;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Health;

/// <summary>/healthz (readiness), /healthz/ready and /healthz/live on the real server with the real engines.</summary>
[Collection("real-engines")]
public sealed class HealthEndpointTests
{
    private static readonly string[] Checks = ["storage", "recognizer", "translator", "synthesizer", "diskSpace", "scripture", "warmup"];

    [Fact]
    public async Task Healthz_EveryDependencyUp_Returns200WithEveryCheckHealthy()
    {
        await using var server = await BabelcastTestServer.StartAsync();
        await WaitWarmAsync(server);

        foreach (var path in new[] { "/healthz", "/healthz/ready" })
        {
            var (status, body) = await GetAsync(server, path);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("healthy", body.GetProperty("status").GetString());
            var checks = body.GetProperty("checks");
            Assert.Equal(Checks.Order(), checks.EnumerateObject().Select(c => c.Name).Order());
            foreach (var check in checks.EnumerateObject())
            {
                Assert.True(check.Value.GetProperty("status").GetString() == "healthy", $"{check.Name}: {check.Value}");
                Assert.False(string.IsNullOrEmpty(check.Value.GetProperty("description").GetString()));
            }
        }
    }

    [Fact]
    public async Task Healthz_UptimeSeconds_CountsFromTheProcessStartNotFromTheFirstHealthRequest()
    {
        await using var server = await BabelcastTestServer.StartAsync();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var age = DateTimeOffset.UtcNow - process.StartTime.ToUniversalTime();

        var (_, body) = await GetAsync(server, "/healthz/live");

        var uptime = body.GetProperty("uptimeSeconds").GetInt64();
        Assert.InRange(uptime, (long)age.TotalSeconds - 2, (long)age.TotalSeconds + 60);
    }

    [Fact]
    public async Task Healthz_DiskMinimumOutOfReach_Returns503NamingDiskSpaceWhileLiveStays200()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Health:MinimumFreeDiskBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var (status, body) = await GetAsync(server, "/healthz");
        var (readyStatus, _) = await GetAsync(server, "/healthz/ready");
        var (liveStatus, live) = await GetAsync(server, "/healthz/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(["diskSpace"], Failing(body));
        Assert.Contains("minimum", body.GetProperty("checks").GetProperty("diskSpace").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Healthz_TranslatorThrows_Returns503NamingTranslator()
    {
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?> { ["Babelcast:Engines:Translation"] = FailingTranslator.EngineName },
            b => b.Services.AddSingleton<ITranslator, FailingTranslator>());

        var (status, body) = await GetAsync(server, "/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["translator"], Failing(body));
        Assert.Contains("translator process is gone", body.GetProperty("checks").GetProperty("translator").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WhileStartupWarmupRuns_WarmupIsDegradedButTheNodeServes_ThenHealthyWithItsDuration()
    {
        await using var server = await BabelcastTestServer.StartAsync();

        // Straight after the start the decoders are still loading: degraded (200), or already done on a fast machine.
        var (status, body) = await GetAsync(server, "/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        var first = body.GetProperty("checks").GetProperty("warmup");
        Assert.Contains(first.GetProperty("status").GetString(), new[] { "degraded", "healthy" });
        if (first.GetProperty("status").GetString() == "degraded")
        {
            Assert.Equal("degraded", body.GetProperty("status").GetString());
            Assert.Contains("warming up", first.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        var warm = await WaitWarmAsync(server);
        Assert.Contains("warmed at start-up in", warm.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(warm.GetProperty("data").GetProperty("seconds").GetDouble() > 0, warm.ToString());
    }

    private static async Task<JsonElement> WaitWarmAsync(BabelcastTestServer server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var (_, body) = await GetAsync(server, "/healthz/ready");
            var warmup = body.GetProperty("checks").GetProperty("warmup");
            if (warmup.GetProperty("status").GetString() == "healthy")
            {
                return warmup;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static List<string> Failing(JsonElement body) =>
        [.. body.GetProperty("checks").EnumerateObject().Where(c => c.Value.GetProperty("status").GetString() == "unhealthy").Select(c => c.Name)];

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(BabelcastTestServer server, string path)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }
}
