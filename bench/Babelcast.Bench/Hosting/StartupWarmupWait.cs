using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Hosting;

/// <summary>
/// Waits for the server's start-up warm-up (the <c>warmup</c> check on <c>/healthz</c>) before a scenario starts, as a
/// deployment that routes on readiness does: measurements are of a serving node, not of one still loading decoders.
/// </summary>
public static class StartupWarmupWait
{
    public static async Task<TimeSpan> WaitAsync(IBenchServer server, ILogger logger, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!body.RootElement.TryGetProperty("checks", out var checks) || !checks.TryGetProperty("warmup", out var warmup)
                || warmup.GetProperty("status").GetString() == "healthy")
            {
                Log.ServerWarm(logger, clock.Elapsed.TotalSeconds);
                return clock.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException("The server's start-up warm-up did not finish within 3 minutes (/healthz checks.warmup).");
    }
}
