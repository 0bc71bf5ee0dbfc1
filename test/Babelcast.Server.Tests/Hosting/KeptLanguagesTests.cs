using Babelcast.Server.Hosting;
using Babelcast.Server.WebSockets;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// The listener languages of <c>Babelcast:Warmup:Languages</c> are ready before the node reports its warm-up done,
/// and kept ready: the first phrase of a session whose listeners join the moment it starts pays for no engine load
/// (English to French through Catalan took 2 s to load, issue 11's first-phrase maximum).
/// </summary>
[Collection("real-engines")]
public sealed class KeptLanguagesTests
{
    private const int LanguageWarmedEventId = 5202;
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ConfiguredLanguages_WarmBeforeTheWarmupIsDone_OthersWaitForAJoin_AndAreRefreshedOnInterval()
    {
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Babelcast:Warmup:Languages"] = "fr,pt",
                ["Babelcast:Warmup:KeepWarmInterval"] = "00:00:10",
                ["Logging:LogLevel:Babelcast.Server.WebSockets.TranslationWarmup"] = "Information",
            },
            services => services.AddLogging(l => l.AddFakeLogging()));
        var logs = server.Services.GetFakeLogCollector();
        var state = server.Services.GetRequiredService<StartupWarmup>();
        var warmup = server.Services.GetRequiredService<TranslationWarmup>();

        await WaitUntilAsync(() => state.Done);

        Assert.True(warmup.IsWarm("en", "fr"), "fr was configured");
        Assert.True(warmup.IsWarm("en", "pt"), "pt was configured");
        Assert.False(warmup.IsWarm("en", "it"), "it was not configured and nobody listens in it");

        // Kept warm: each kept language runs its phrase again after the interval, without a listener.
        await logs.WaitForAsync(r => r.Id.Id == LanguageWarmedEventId && r.Message.Contains("->fr", StringComparison.Ordinal), Wait, occurrence: 2);
    }

    [Fact]
    public async Task Begin_AfterAFinishedWarmup_RunsNoneForAMinute_RefreshRunsAgain()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?> { ["Babelcast:Warmup:Languages"] = "none" });
        var warmup = server.Services.GetRequiredService<TranslationWarmup>();

        var first = warmup.Begin("en", "gl");
        await first.WaitAsync(Wait);
        Assert.True(warmup.IsWarm("en", "gl"));

        // A crowd joining: every join after the first finds the language fresh and starts nothing.
        Assert.Same(first, warmup.Begin("en", "gl"));
        Assert.Same(first, warmup.Begin("en", "gl"));
        var refreshed = warmup.Refresh("en", "gl");
        Assert.NotSame(first, refreshed);
        Assert.Same(refreshed, warmup.Begin("en", "gl"));
        await refreshed.WaitAsync(Wait);
    }

    [Theory]
    [InlineData("Languages", "es,xx", "'xx'")]
    [InlineData("KeepWarmInterval", "00:00:01", "KeepWarmInterval")]
    public async Task ABadValue_StopsTheStart_NamingIt(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BabelcastTestServer.StartAsync(
            new Dictionary<string, string?> { [$"{WarmupOptions.Section}:{key}"] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", null)]
    [InlineData("none", "")]
    [InlineData("", "")]
    [InlineData(" es, fr ,,pt ", "es|fr|pt")]
    public void Codes_ReadTheSetting(string setting, string? expected)
    {
        var codes = new WarmupOptions { Languages = setting }.Codes();

        Assert.Equal(expected, codes is null ? null : string.Join('|', codes));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Wait, "the start-up warm-up did not finish");
            await Task.Delay(100);
        }
    }
}
