using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Scenarios;

/// <summary>One listener count of the fan-out scenario.</summary>
public sealed record FanoutStep(
    int Listeners,
    double ConnectSeconds,
    int ConnectFailures,
    ResourceWindow Idle,
    ResourceWindow Active,
    double IdleBytesPerListener,
    double ActiveBytesPerListener,
    Stats SpreadAll,
    IReadOnlyDictionary<string, Stats> SpreadByKind,
    Stats QueueToReceive,
    Stats QueueToRead,
    Stats EndToCaption,
    Stats EndToAudio,
    int Phrases,
    int ListenersMissingCaptions,
    int ListenersMissingAudio,
    int ListenersDisconnected,
    IReadOnlyDictionary<string, int> ErrorCodes,
    long MessagesReceived,
    long BytesReceived,
    ResourceWindow Clients,
    IReadOnlyDictionary<string, ServerFanout> ServerFanout,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<double> SpreadSample);
