using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Scenarios;

/// <summary>One speaker session with a detailed listener per language: connect, stream the program, wait for the last phrase.</summary>
public sealed class SpeakerRig : IAsyncDisposable
{
    private readonly ApiClient _api;
    private readonly List<ListenerClient> _listeners = [];
    private SpeakerClient? _speaker;
    private PacedStreamer? _streamer;
    private long _sampleOffset;

    private SpeakerRig(int index, ApiClient api, SpeechProgram program)
    {
        Index = index;
        _api = api;
        Program = program;
    }

    public int Index { get; }

    public SpeechProgram Program { get; }

    public string SessionId { get; private set; } = string.Empty;

    public static async Task<SpeakerRig> StartAsync(int index, ApiClient api, IBenchServer server, SpeechProgram program, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var rig = new SpeakerRig(index, api, program);
        rig.SessionId = await api.CreateSessionAsync(cancellationToken);
        rig._speaker = await SpeakerClient.ConnectAsync(api.SpeakerUri(rig.SessionId), cancellationToken);
        var first = await rig._speaker.WaitForAsync(
            m => m.Type == MessageTypes.Connected || (m.Type == MessageTypes.Error && m.Text("code") == ErrorCodes.CapacityExceeded),
            "'connected' or CAPACITY_EXCEEDED", TimeSpan.FromSeconds(30));
        if (first.Type == MessageTypes.Error)
        {
            await rig.DisposeAsync();
            throw new CapacityRefusedException($"speaker {index}: {first.Text("message")}");
        }

        foreach (var language in languages)
        {
            var listener = await ListenerClient.ConnectAsync(server.WebSocketBase, rig.SessionId, language, detailed: true, cancellationToken);
            rig._listeners.Add(listener);
            await listener.Joined.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return rig;
    }

    /// <summary>
    /// Speaks the warm-up program (loads the recogniser, JIT, translators) and waits for its audio, giving up after
    /// <paramref name="giveUpQuiet"/> (default 10 s) without any message.
    /// </summary>
    public async Task WarmUpAsync(SpeechProgram warmup, int frameMs, CancellationToken cancellationToken, TimeSpan? giveUpQuiet = null)
    {
        var streamer = new PacedStreamer(_speaker!, warmup, frameMs);
        await streamer.StreamAsync(cancellationToken);
        _sampleOffset += warmup.Samples.Length;
        await CompletionWaiter.WaitAsync(
            () => NewestFinal() is { } seq && _listeners.All(l => l.Snapshot().Any(a => a.Kind == ArrivalKind.AudioData && a.Seq >= seq)),
            Received, giveUpQuiet ?? TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), cancellationToken);
    }

    public async Task StreamAsync(int frameMs, CancellationToken cancellationToken)
    {
        _streamer = new PacedStreamer(_speaker!, Program, frameMs);
        await _streamer.StreamAsync(cancellationToken);
    }

    /// <summary>Waits until every listener has the audio of the last clip's final phrase (false: gave up).</summary>
    public Task<bool> WaitForLastPhraseAsync(TimeSpan limit, CancellationToken cancellationToken) =>
        CompletionWaiter.WaitAsync(
            () => PhraseAnalyzer.LastClipSeq(Program, _streamer!, _sampleOffset, _speaker!.Messages) is { } seq &&
                _listeners.All(l => l.Snapshot().Any(a => a.Kind == ArrivalKind.AudioData && a.Seq >= seq)),
            Received, TimeSpan.FromSeconds(10), limit, cancellationToken);

    private long? NewestFinal() => _speaker!.OfType(MessageTypes.Transcript).Where(m => m.Final).Select(m => (long?)m.Seq).Max();

    private long Received() => _speaker!.Messages.Count + _listeners.Sum(l => (long)l.Snapshot().Count);

    public SpeakerCapture Capture() => new(Index, SessionId, Program, _streamer!, [.. _speaker!.Messages], _listeners, _sampleOffset);

    /// <summary>What each client received, by type ("speaker.transcript.final": n, "es.FinalCaption": n), for reports on failures.</summary>
    public Dictionary<string, int> MessageCounts()
    {
        var counts = _speaker!.Messages
            .GroupBy(m => "speaker." + m.Type + (m.Type == MessageTypes.Transcript ? (m.Final ? ".final" : ".partial") : string.Empty))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var l in _listeners)
        {
            foreach (var g in l.Snapshot().GroupBy(a => a.Kind))
            {
                counts[$"{l.Language}.{g.Key}"] = g.Count();
            }
        }

        return counts;
    }

    public IEnumerable<ReceivedMessage> SpeakerErrors => _speaker?.OfType(MessageTypes.Error) ?? [];

    public TimeSpan StreamLateness => _streamer?.MaxLateness ?? TimeSpan.Zero;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _api.EndSessionAsync(SessionId, CancellationToken.None);
        }
        catch (HttpRequestException)
        {
        }

        foreach (var l in _listeners)
        {
            await l.DisposeAsync();
        }

        if (_speaker is not null)
        {
            await _speaker.DisposeAsync();
        }
    }
}
