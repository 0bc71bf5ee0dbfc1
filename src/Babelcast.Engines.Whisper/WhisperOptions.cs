namespace Babelcast.Engines.Whisper;

/// <summary>Settings of the Whisper recogniser, bound from <see cref="SectionName"/>.</summary>
public sealed class WhisperOptions
{
    public const string SectionName = "Babelcast:Recognition:Whisper";

    /// <summary>
    /// The ggml model file (whisper.cpp format), or the name of a model in the <c>babelcast models</c> table (resolved
    /// in <c>ModelDirectory</c>). Unset: the engine is inert (listed, never loaded) and the server starts as without it.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// True: a configured model that is missing, truncated or not a ggml Whisper file stops the start with a message
    /// naming the file. False: the server starts and the "whisper" engine is unavailable (listed with no languages).
    /// </summary>
    public bool RequireModel { get; set; } = true;

    /// <summary>Source languages offered; empty: English for an English-only (.en) model, else <see cref="DefaultMultilingual"/>.</summary>
    public IList<string> Languages { get; } = [];

    /// <summary>Decodes running at once, node-wide (each holds its own whisper state); finals queue, partials skip.</summary>
    public int MaxConcurrentDecodes { get; set; } = 1;

    /// <summary>CPU threads per decode; 0 = the cores divided among <see cref="MaxConcurrentDecodes"/> (at most 4).</summary>
    public int Threads { get; set; }

    /// <summary>Partial captions: the growing phrase is decoded again at most this often (0 turns partials off).</summary>
    public int PartialIntervalMs { get; set; } = 1000;

    /// <summary>
    /// A partial decode waits at least this many times as long as the last one took, so that partials use no more
    /// than about 1/N of the decode slots' time however slow the CPU is.
    /// </summary>
    public double PartialCostFactor { get; set; } = 2;

    /// <summary>Phrase audio a first partial decode waits for (Whisper guesses wildly on a few hundred milliseconds).</summary>
    public int PartialMinAudioMs { get; set; } = 1000;

    /// <summary>Beam width of the accurate final pass; 1 = greedy with whisper.cpp's temperature fallback.</summary>
    public int BeamSize { get; set; } = 1;

    /// <summary>A phrase needs this much voiced audio (voice-activity detector) to be decoded at all; Whisper invents words on silence.</summary>
    public int MinSpeechMs { get; set; } = 200;

    internal static readonly string[] DefaultMultilingual = ["en", "es", "fr", "de", "it", "pt", "ca", "nl"];

    internal int EffectiveThreads => Threads > 0 ? Threads : Math.Clamp(Environment.ProcessorCount / Math.Max(1, MaxConcurrentDecodes), 1, 4);
}
