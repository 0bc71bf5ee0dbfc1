namespace Babelcast.Bench;

/// <summary>What to run and how; filled from the command line by <see cref="BenchCommandLine"/>.</summary>
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

    /// <summary>fixed (<see cref="PauseSeconds"/> after every clip) or natural (seeded gaps of 0.3-1.5 s between clips).</summary>
    public string Gaps { get; set; } = "fixed";

    public int GapSeed { get; set; } = 11;

    public IReadOnlyList<string> Languages { get; set; } = ["es", "fr", "pt"];

    /// <summary>Use only the first N clips (0 = all; smoke: the two shortest).</summary>
    public int Clips { get; set; }

    public IReadOnlyList<int> ListenerSteps { get; set; } = [1000, 5000, 10000];

    public IReadOnlyList<int> SpeakerSteps { get; set; } = [1, 2, 3, 4, 6, 8, 10, 12];

    /// <summary>A speakers step fails when the p90 of clip end to final caption exceeds this.</summary>
    public double MaxLagSeconds { get; set; } = 5;

    public int ConnectConcurrency { get; set; } = 50;

    /// <summary>first: fresh sessions measured one after another.</summary>
    public int Sessions { get; set; } = 5;

    /// <summary>first: other sessions streaming while the fresh ones are measured.</summary>
    public int Busy { get; set; }

    /// <summary>cluster: the single node compared with the cluster, postgres (PostgreSQL store, in-process bus) or embedded (SQLite).</summary>
    public string Baseline { get; set; } = "postgres";

    public bool Verbose { get; set; }

    /// <summary>Extra server settings (<c>--set Babelcast:Pipeline:FinalPassHeadStartMs=0</c>), to compare configurations.</summary>
    public Dictionary<string, string> ServerOverrides { get; } = new(StringComparer.Ordinal);

    public bool UseProcessServer => ServerMode switch
    {
        "process" => true,
        "inproc" => false,
        _ => Scenario != "latency",
    };

    /// <summary>Smoke runs are seconds long: two clips, one or two speakers, 50 listeners, unless the command line chose.</summary>
    public void ApplySmokeDefaults(bool listenersGiven, bool speakersGiven, bool clipsGiven, bool sessionsGiven = false)
    {
        if (!sessionsGiven)
        {
            Sessions = 2;
        }

        if (!listenersGiven)
        {
            ListenerSteps = [50];
        }

        if (!speakersGiven)
        {
            SpeakerSteps = [1, 2];
        }

        if (!clipsGiven)
        {
            Clips = 2;
        }
    }
}
