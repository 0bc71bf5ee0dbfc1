using System.Globalization;
using Babelcast.Bench.Cluster;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Scenarios;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench;

/// <summary>Runs a scenario and starts the server it drives.</summary>
public static class BenchRunner
{
    public static async Task<BenchOutcome> RunAsync(BenchOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        FileLimit.Raise(65536);
        Directory.CreateDirectory(options.OutDirectory);
        var machine = MachineInfo.Capture();
        Log.ScenarioStarting(logger, options.Scenario, options.Smoke ? "smoke" : "full", machine.Cores, machine.LoadAverageAtStart);
        return options.Scenario switch
        {
            "latency" => await LatencyScenario.RunAsync(options, machine, logger, cancellationToken),
            "speakers" => await SpeakersScenario.RunAsync(options, machine, logger, cancellationToken),
            "fanout" => await FanoutScenario.RunAsync(options, machine, logger, cancellationToken),
            "stream" => await StreamScenario.RunAsync(options, machine, logger, cancellationToken),
            "first" => await FirstPhraseScenario.RunAsync(options, machine, logger, cancellationToken),
            "cluster" => await ClusterScenario.RunAsync(options, machine, logger, cancellationToken),
            _ => throw new ArgumentException($"Unknown scenario '{options.Scenario}' (latency, speakers, fanout, stream, first or cluster).", nameof(options)),
        };
    }

    /// <summary>Starts the server the options ask for, with limits raised for <paramref name="maxListeners"/>.</summary>
    public static async Task<IBenchServer> StartServerAsync(BenchOptions options, int maxListeners, ILogger logger, CancellationToken cancellationToken)
    {
        var settings = ServerSettings.ForBench(maxListeners);
        foreach (var (key, value) in options.ServerOverrides)
        {
            settings[key] = value;
        }

        IBenchServer server = options.UseProcessServer
            ? await ServerProcess.StartAsync(ServerLocator.FindServerDll(options.ServerDll), settings, logger, cancellationToken)
            : await InProcessServer.StartAsync(settings, cancellationToken);
        try
        {
            await StartupWarmupWait.WaitAsync(server, logger, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The command line that reproduces this run, for the report.</summary>
    public static string CommandLine(BenchOptions options) =>
        $"dotnet run -c Release --project bench/Babelcast.Bench -- {options.Scenario}{(options.Smoke ? " --smoke" : string.Empty)}" +
        (options.Gaps == "natural" ? $" --gaps natural --gap-seed {options.GapSeed}" : string.Empty) +
        (options.PauseSeconds == 1.5 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" --pause {options.PauseSeconds}")) +
        (options.Scenario == "first" ? $" --sessions {options.Sessions} --busy {options.Busy}" : string.Empty) +
        (options.Scenario == "cluster" ? $" --speakers {options.SpeakerSteps[0]} --baseline {options.Baseline}" : string.Empty) +
        string.Concat(options.ServerOverrides.Select(kv => $" --set {kv.Key.Replace("__", ":", StringComparison.Ordinal)}={kv.Value}"));
}
