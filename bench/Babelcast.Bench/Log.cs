using Microsoft.Extensions.Logging;

namespace Babelcast.Bench;

/// <summary>Bench log messages (event ids 6000-6099).</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Server process {Pid} healthy at {BaseUri}")]
    public static partial void ServerStarted(ILogger logger, int pid, Uri baseUri);

    [LoggerMessage(6001, LogLevel.Debug, "server: {Line}")]
    public static partial void ServerOutput(ILogger logger, string line);

    [LoggerMessage(6002, LogLevel.Information, "Scenario {Scenario} starting ({Mode}); machine: {Cores} cores, load {Load}")]
    public static partial void ScenarioStarting(ILogger logger, string scenario, string mode, int cores, string load);

    [LoggerMessage(6003, LogLevel.Information, "Streaming {Clips} clips ({Seconds:F1} s of audio) from {Speakers} speaker(s)")]
    public static partial void Streaming(ILogger logger, int clips, double seconds, int speakers);

    [LoggerMessage(6004, LogLevel.Information, "{Count} listeners connected in {Seconds:F1} s ({Failed} failed)")]
    public static partial void ListenersConnected(ILogger logger, int count, double seconds, int failed);

    [LoggerMessage(6005, LogLevel.Information, "{Step}: {Summary}")]
    public static partial void StepResult(ILogger logger, string step, string summary);

    [LoggerMessage(6006, LogLevel.Information, "Wrote {Json}, {Markdown}")]
    public static partial void Wrote(ILogger logger, string json, string markdown);

    [LoggerMessage(6007, LogLevel.Warning, "Speaker got error {Code}: {Message}")]
    public static partial void SpeakerError(ILogger logger, string code, string message);

    [LoggerMessage(6008, LogLevel.Warning, "Gave up waiting for the last clip's phrase at every listener; the report counts what arrived")]
    public static partial void IncompleteWait(ILogger logger);

    [LoggerMessage(6009, LogLevel.Warning, "Listener connect failed: {Message}")]
    public static partial void ConnectFailed(ILogger logger, string message);

    [LoggerMessage(6010, LogLevel.Information, "Speakers step {Speakers} stops the search: {Reason}")]
    public static partial void SpeakersStop(ILogger logger, int speakers, string reason);

    [LoggerMessage(6011, LogLevel.Debug, "Speaker {Speaker} final: {Json}")]
    public static partial void FinalTranscript(ILogger logger, int speaker, string json);

    [LoggerMessage(6012, LogLevel.Information, "Cluster node {Name} ({Role}) started as process {Pid}")]
    public static partial void ClusterNodeStarted(ILogger logger, string name, string role, int pid);

    [LoggerMessage(6013, LogLevel.Information, "Server warm (start-up warm-up done) after waiting {Seconds:F1} s")]
    public static partial void ServerWarm(ILogger logger, double seconds);

    [LoggerMessage(6050, LogLevel.Warning, "Refused by the server's capacity limit: {Message}")]
    public static partial void SpeakerRefused(ILogger logger, string message);
}
