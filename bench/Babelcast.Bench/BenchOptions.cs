using System.Globalization;

namespace Babelcast.Bench;

/// <summary>Command line: <c>latency|speakers|fanout [--smoke] [--out DIR] [--server inproc|process] ...</c>.</summary>
public sealed class BenchOptions
{
    public string Scenario { get; set; } = "latency";

    /// <summary>Seconds and small counts, for the test suite.</summary>
    public bool Smoke { get; set; }

    public string OutDirectory { get; set; } = Path.Combine("bench", "results");

    /// <summary>inproc, process, or auto (latency in-process; speakers and fanout in their own process).</summary>
    public string ServerMode { get; set; } = "auto";

    public string? ServerDll { get; set; }

    /// <summary>PCM frame size the speaker sends (the browser page sends 60 ms).</summary>
    public int FrameMs { get; set; } = 60;

    public double PauseSeconds { get; set; } = 1.5;

    public IReadOnlyList<string> Languages { get; set; } = ["es", "fr", "pt"];

    /// <summary>Use only the first N clips (0 = all; smoke: the two shortest).</summary>
    public int Clips { get; set; }

    public IReadOnlyList<int> ListenerSteps { get; set; } = [1000, 5000, 10000];

    public IReadOnlyList<int> SpeakerSteps { get; set; } = [1, 2, 3, 4, 6, 8, 10, 12];

    /// <summary>A speakers step fails when the p90 of clip end to final caption exceeds this.</summary>
    public double MaxLagSeconds { get; set; } = 5;

    public int ConnectConcurrency { get; set; } = 50;

    public bool Verbose { get; set; }

    /// <summary>Extra server settings (<c>--set Babelcast:Pipeline:FinalPassHeadStartMs=0</c>), to compare configurations.</summary>
    public Dictionary<string, string> ServerOverrides { get; } = new(StringComparer.Ordinal);

    public bool UseProcessServer => ServerMode switch
    {
        "process" => true,
        "inproc" => false,
        _ => Scenario != "latency",
    };

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "latency" or "speakers" or "fanout": o.Scenario = args[i]; break;
                case "--smoke": o.Smoke = true; break;
                case "--out": o.OutDirectory = Next(); break;
                case "--server": o.ServerMode = Next(); break;
                case "--server-dll": o.ServerDll = Next(); break;
                case "--frame-ms": o.FrameMs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pause": o.PauseSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--languages": o.Languages = Next().Split(','); break;
                case "--clips": o.Clips = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--listeners": o.ListenerSteps = Ints(Next()); break;
                case "--speakers": o.SpeakerSteps = Ints(Next()); break;
                case "--max-lag": o.MaxLagSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--connect-concurrency": o.ConnectConcurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--verbose": o.Verbose = true; break;
                case "--set":
                    var pair = Next().Split('=', 2);
                    o.ServerOverrides[pair[0].Replace(":", "__", StringComparison.Ordinal)] = pair.Length > 1 ? pair[1] : string.Empty;
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        if (o.Smoke)
        {
            o.ApplySmokeDefaults(args);
        }
        else if (o.Scenario == "fanout" && o.Clips == 0)
        {
            o.Clips = 4; // about 35 s of speech per listener count keeps a 10,000-listener run to minutes
        }

        return o;
    }

    public const string Usage =
        "usage: Babelcast.Bench latency|speakers|fanout [--smoke] [--out DIR] [--server inproc|process|auto] [--server-dll PATH] " +
        "[--frame-ms 60] [--pause 1.5] [--languages es,fr,pt] [--clips N] [--listeners 1000,5000,10000] [--speakers 1,2,3,4,6,8] [--max-lag 5] [--set Babelcast:Section:Key=value]";

    private void ApplySmokeDefaults(IReadOnlyList<string> args)
    {
        if (!args.Contains("--listeners"))
        {
            ListenerSteps = [50];
        }

        if (!args.Contains("--speakers"))
        {
            SpeakerSteps = [1, 2];
        }

        if (!args.Contains("--clips"))
        {
            Clips = 2;
        }
    }

    private static int[] Ints(string value) => value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
