using Babelcast.Core.Pipeline;
using Babelcast.Engines.PocketSphinx;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// The start-up warm-up leaves the recogniser's pools so that the first session takes its decoders without a model
/// load starting beside its first phrase: the incremental final pass's decoder was the one a first session still
/// caused to load (its pool's refill after the rent), on the same cores as the phrase.
/// </summary>
public sealed class EngineWarmupTests
{
    private const int RecognizerLoadedEventId = 5200;

    [Fact]
    public async Task StartupWarmup_Done_AFirstSessionsIncrementalRentLeavesAWarmDecoder()
    {
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Babelcast:Recognition:PocketSphinx:WarmDecoders"] = "1",
                ["Logging:LogLevel:Babelcast.Server.Hosting.EngineWarmupService"] = "Information",
            },
            services => services.AddLogging(l => l.AddFakeLogging()));
        var logs = server.Services.GetFakeLogCollector();

        await logs.WaitForAsync(r => r.Id.Id == RecognizerLoadedEventId, TimeSpan.FromMinutes(3));

        // The warm-up phrase's decoder goes back to its pool once its native work is done, just after the log line.
        var factory = Assert.IsType<PocketSphinxRecognizerFactory>(server.Services.GetRequiredService<EngineSet>().Recognizer);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (factory.ReadyIncrementalDecoders < 2 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.True(factory.ReadyIncrementalDecoders >= 2, $"{factory.ReadyIncrementalDecoders} incremental decoders ready");
    }
}
