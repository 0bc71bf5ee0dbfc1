using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;

namespace Babelcast.Bench.Measure;

/// <summary>
/// Everything one speaker's run produced: what was said and when, and what each client received.
/// <paramref name="SampleOffset"/>: samples the session had received before this program (the server's phrase offsets
/// count from the session's first sample).
/// </summary>
public sealed record SpeakerCapture(
    int Speaker,
    string SessionId,
    SpeechProgram Program,
    PacedStreamer Streamer,
    IReadOnlyList<ReceivedMessage> SpeakerMessages,
    IReadOnlyList<IListener> Listeners,
    long SampleOffset = 0);
