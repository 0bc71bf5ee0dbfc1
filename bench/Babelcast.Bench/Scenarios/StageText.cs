namespace Babelcast.Bench.Scenarios;

/// <summary>What each stage in the breakdown means (shared by reports).</summary>
public static class StageText
{
    public static readonly IReadOnlyDictionary<string, string> Meaning = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["transit"] = "harness end of speech -> server's end of speech (the last voiced frame arrives; browser-sized frame buffering + loopback). ms, not cumulative",
        ["endDetected"] = "server: silence long enough to close the phrase (EndSilenceMs)",
        ["finalQueued"] = "server: the final recogniser pass asked the work scheduler for a slot (before endDetected when it started early)",
        ["finalStarted"] = "server: the final pass got its slot and started (finalStarted - finalQueued = its wait behind other work)",
        ["recognised"] = "server: final recogniser pass done, transcript sent to the speaker",
        ["translated"] = "server: translation done (per language)",
        ["captionQueued"] = "server: final caption serialised and queued to listeners",
        ["captionDelivered"] = "listener: final caption's first byte received",
        ["synthesised"] = "server: speech synthesised",
        ["encoded"] = "server: MP3 encoded",
        ["audioQueued"] = "server: audio header serialised and queued",
        ["audioDelivered"] = "listener: first byte of the MP3 frame received",
    };
}
