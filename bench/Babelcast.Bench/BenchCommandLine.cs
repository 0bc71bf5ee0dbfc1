using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Babelcast.Bench;

/// <summary>
/// The bench's command line (System.CommandLine): <c>[latency|speakers|fanout|stream|first] [--smoke] [--listeners 1000,5000] ...</c>.
/// Help, validation and error messages are the parser's; a usage error exits with 2.
/// </summary>
public static class BenchCommandLine
{
    public const int UsageError = 2;

    private static readonly Argument<string> Mode = new Argument<string>("mode")
    {
        Description = "latency: one speaker, per-phrase latency and stages; speakers: lag as speakers are added; fanout: delivery to many listeners; stream: the MP3 stream's extra delay, bytes and CPU; first: the first phrase of fresh sessions; cluster: the same speakers against one node and against 1 gateway + 2 workers on a private Redis and PostgreSQL (bus latency, failover, backends per session).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "latency",
    }.AcceptOnlyFromAmong("latency", "speakers", "fanout", "stream", "first", "cluster");

    private static readonly Option<bool> Smoke = new("--smoke") { Description = "Seconds, not minutes: the 2 shortest clips, 1-2 speakers, 50 listeners (as the test suite runs it)." };
    private static readonly Option<string> Out = new("--out") { Description = "Directory for the JSON, Markdown and SVG results.", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "results") };
    private static readonly Option<string> Server = new Option<string>("--server")
    {
        Description = "Where the server runs; auto: latency in the bench process, speakers and fanout in their own.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("inproc", "process", "auto");

    private static readonly Option<string> ServerDll = new("--server-dll") { Description = "The babelcast.dll to run (default: the built src/Babelcast.Server).", HelpName = "PATH" };
    private static readonly Option<int> FrameMs = Positive(new Option<int>("--frame-ms") { Description = "PCM frame the speaker sends, in ms (the browser page sends 60).", HelpName = "MS", DefaultValueFactory = _ => 60 });
    private static readonly Option<double> Pause = new("--pause") { Description = "Seconds of near-silence after each clip.", HelpName = "SECONDS", DefaultValueFactory = _ => 1.5 };
    private static readonly Option<string> Gaps = new Option<string>("--gaps")
    {
        Description = "Near-silence between clips: fixed (--pause after each) or natural (seeded pseudo-random gaps of 0.3-1.5 s; --pause after the last).",
        DefaultValueFactory = _ => "fixed",
    }.AcceptOnlyFromAmong("fixed", "natural");

    private static readonly Option<int> GapSeed = new("--gap-seed") { Description = "Seed of the natural gaps (printed in the report).", HelpName = "N", DefaultValueFactory = _ => 11 };
    private static readonly Option<string[]> Languages = new("--languages") { Description = "Listener languages, comma-separated (default es,fr,pt).", HelpName = "es,fr,pt", CustomParser = LanguageList };
    private static readonly Option<int> Clips = new("--clips") { Description = "Use only the first N clips (0: all; fanout: 4; smoke: the 2 shortest).", HelpName = "N" };
    private static readonly Option<int[]> Listeners = new("--listeners") { Description = "Listener counts of the fanout steps, comma-separated (default 1000,5000,10000).", HelpName = "N,N", CustomParser = PositiveInts };
    private static readonly Option<int[]> Speakers = new("--speakers") { Description = "Speaker counts of the speakers steps, comma-separated (default 1,2,3,4,6,8,10,12); cluster: the first is the number of speakers (default 2, smoke 1).", HelpName = "N,N", CustomParser = PositiveInts };
    private static readonly Option<double> MaxLag = new("--max-lag") { Description = "A speakers step fails when the p90 lag exceeds this many seconds.", HelpName = "SECONDS", DefaultValueFactory = _ => 5 };
    private static readonly Option<int> ConnectConcurrency = Positive(new Option<int>("--connect-concurrency") { Description = "Listener connections opened at once.", HelpName = "N", DefaultValueFactory = _ => 50 });
    private static readonly Option<int> Sessions = Positive(new Option<int>("--sessions") { Description = "first: fresh sessions measured one after another (smoke: 2).", HelpName = "N", DefaultValueFactory = _ => 5 });
    private static readonly Option<int> Busy = NotNegative(new Option<int>("--busy") { Description = "first: other sessions streaming clips meanwhile.", HelpName = "K" });
    private static readonly Option<string> Baseline = new Option<string>("--baseline")
    {
        Description = "cluster: the single node compared with the cluster: postgres (the cluster's PostgreSQL store with the in-process bus, so that the difference is the bus) or embedded (SQLite, the default deployment).",
        DefaultValueFactory = _ => "postgres",
    }.AcceptOnlyFromAmong("postgres", "embedded");

    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Debug logging, and the server's own output." };
    private static readonly Option<string[]> Set = new("--set")
    {
        Description = "A server setting, e.g. --set Babelcast:Pipeline:FinalPassHeadStartMs=0 (repeatable).",
        HelpName = "KEY=VALUE",
        CustomParser = SettingPairs,
    };

    /// <summary>Parses <paramref name="args"/> and runs <paramref name="run"/> with the options, or reports the usage error.</summary>
    public static async Task<int> InvokeAsync(string[] args, Func<BenchOptions, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        var command = new RootCommand("Babelcast benchmark harness: drives the real server over real WebSockets on 127.0.0.1 (see docs/benchmarks.md).")
        {
            Mode, Smoke, Out, Server, ServerDll, FrameMs, Pause, Gaps, GapSeed, Languages, Clips, Listeners, Speakers, MaxLag, ConnectConcurrency, Sessions, Busy, Baseline, Verbose, Set,
        };
        command.SetAction((result, ct) => run(Bind(result), ct));
        var parsed = command.Parse(args);

        // Ctrl+C is the caller's (its token), so that a server process is stopped before the bench exits.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        var code = await parsed.InvokeAsync(configuration, cancellationToken);
        return parsed.Errors.Count > 0 ? UsageError : code;
    }

    private static BenchOptions Bind(ParseResult result)
    {
        var o = new BenchOptions
        {
            Scenario = result.GetRequiredValue(Mode),
            Smoke = result.GetValue(Smoke),
            OutDirectory = result.GetRequiredValue(Out),
            ServerMode = result.GetRequiredValue(Server),
            ServerDll = result.GetValue(ServerDll),
            FrameMs = result.GetValue(FrameMs),
            PauseSeconds = result.GetValue(Pause),
            Gaps = result.GetRequiredValue(Gaps),
            GapSeed = result.GetValue(GapSeed),
            Clips = result.GetValue(Clips),
            MaxLagSeconds = result.GetValue(MaxLag),
            ConnectConcurrency = result.GetValue(ConnectConcurrency),
            Sessions = result.GetValue(Sessions),
            Busy = result.GetValue(Busy),
            Baseline = result.GetRequiredValue(Baseline),
            Verbose = result.GetValue(Verbose),
        };
        // A list option that is absent parses as an empty list: keep BenchOptions' defaults then.
        o.Languages = Given(result, Languages) ?? o.Languages;
        o.ListenerSteps = Given(result, Listeners) ?? o.ListenerSteps;
        o.SpeakerSteps = Given(result, Speakers) ?? o.SpeakerSteps;
        foreach (var pair in Given(result, Set) ?? [])
        {
            var (key, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
            o.ServerOverrides[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        if (o.Smoke)
        {
            o.ApplySmokeDefaults(result.GetResult(Listeners) is not null, result.GetResult(Speakers) is not null, result.GetResult(Clips) is not null, result.GetResult(Sessions) is { Implicit: false });
        }

        if (o.Scenario == "cluster" && result.GetResult(Speakers) is null)
        {
            o.SpeakerSteps = [o.Smoke ? 1 : 2]; // one session per worker
        }

        if (!o.Smoke && o.Scenario == "fanout" && o.Clips == 0)
        {
            o.Clips = 4; // about 35 s of speech per listener count keeps a 10,000-listener run to minutes
        }

        return o;
    }

    private static T[]? Given<T>(ParseResult result, Option<T[]> option) => result.GetResult(option) is null ? null : result.GetValue(option);

    private static IEnumerable<string> Items(ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int[] PositiveInts(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var item in Items(result))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                result.AddError($"'{item}' is not a positive whole number (expected a comma-separated list such as 1,2,4).");
                return [];
            }

            values.Add(n);
        }

        if (values.Count == 0)
        {
            result.AddError("Expected at least one number, e.g. 1,2,4.");
        }

        return [.. values];
    }

    private static string[] LanguageList(ArgumentResult result)
    {
        var languages = Items(result).ToArray();
        if (languages.Length == 0)
        {
            result.AddError("Expected at least one language, e.g. es,fr,pt.");
        }

        return languages;
    }

    private static string[] SettingPairs(ArgumentResult result)
    {
        var pairs = result.Tokens.Select(t => t.Value).ToArray();
        foreach (var pair in pairs.Where(p => p.IndexOf('=', StringComparison.Ordinal) < 1))
        {
            result.AddError($"'{pair}' is not KEY=VALUE (e.g. Babelcast:Pipeline:FinalPassHeadStartMs=0).");
        }

        return pairs;
    }

    private static Option<int> NotNegative(Option<int> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError($"{option.Name} must not be negative.");
            }
        });
        return option;
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"{option.Name} must be at least 1.");
            }
        });
        return option;
    }
}
