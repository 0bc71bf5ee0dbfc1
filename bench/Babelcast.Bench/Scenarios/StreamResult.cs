using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// The stream scenario's JSON result. Delays are per phrase that reached the stream after silence, from its audio's
/// arrival on a WebSocket listener: <see cref="ExtraDelayArrival"/> to its first non-silent byte arriving on the stream,
/// <see cref="ExtraDelayPlayback"/> to when a player that started at the stream's first byte plays it.
/// </summary>
public sealed record StreamResult(
    string Scenario,
    bool Smoke,
    string Command,
    MachineInfo Machine,
    bool ServerIsolated,
    string Language,
    int StreamListeners,
    int FailedStreams,
    int PhrasesOnWebSocket,
    Stats ExtraDelayArrival,
    Stats ExtraDelayPlayback,
    double BytesPerListenerPerSecond,
    double StreamSecondsPerWallSecond,
    ResourceWindow IdleWithoutStreams,
    ResourceWindow IdleWithStreams,
    ResourceWindow SpeechWithStreams,
    double StreamCpuCores,
    IReadOnlyList<Reporting.TargetCheck> Targets);
