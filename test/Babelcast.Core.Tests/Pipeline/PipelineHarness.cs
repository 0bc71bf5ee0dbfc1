using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using Babelcast.Core.Capacity;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Recognition;
using Babelcast.Core.Synthesis;
using Babelcast.Core.Tests.Audio;
using Babelcast.Core.Tests.Fakes;
using Babelcast.Core.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>
/// A real <see cref="PipelineHost"/> (segmenter, stages, queues, phrase processor, in-process ingest) with scripted
/// engines, in-memory stores and a recording broadcaster, fed with synthetic phrases: a voiced burst between pauses.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public const string SessionId = "calm-otter-123";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private int _written;
    private readonly InProcessAudioIngest _ingest = new(Options.Create(new IngestOptions { QueueCapacity = 100_000 }));

    public PipelineHarness(
        RecordingBroadcaster broadcaster,
        ISpeechRecognizerFactory? recognizer = null,
        ITranslator? translator = null,
        ISpeechSynthesizer? synthesizer = null,
        MemoryTranscriptStore? transcripts = null,
        int phraseQueueCapacity = 16,
        ILoadShedding? shedding = null,
        WorkScheduler? scheduler = null,
        IScriptFollower? follower = null)
    {
        Broadcaster = broadcaster;
        var options = new PipelineOptions { FinalPassHeadStartMs = 0, TranslatePartials = false, PhraseQueueCapacity = phraseQueueCapacity, StorageRetryInterval = TimeSpan.FromMilliseconds(20) };
        var engines = new EngineSet(
            Options.Create(new EngineOptions { Recognition = "scripted", Translation = "scripted", Synthesis = "scripted", Encoding = "fake" }),
            [recognizer ?? new ScriptedRecognizerFactory(Words)],
            [translator ?? new ScriptedTranslator()],
            [synthesizer ?? new ScriptedSynthesizer()],
            [new FakeEncoder("fake")]);
        var store = transcripts ?? new MemoryTranscriptStore();
        var metrics = new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>());
        Writer = new TranscriptWriter(store, broadcaster, metrics, TimeProvider.System, Options.Create(options), NullLogger<TranscriptWriter>.Instance);
        var processor = new PhraseProcessor(engines, broadcaster, broadcaster, Writer, new MemoryPhraseAudioStore(), new Core.Cluster.NoWriteFence(), metrics, TimeProvider.System, NullLogger<PhraseProcessor>.Instance,
            follower: follower);
        Host = new PipelineHost(Options.Create(options), engines, _ingest, broadcaster, broadcaster, processor, store, Writer, metrics, TimeProvider.System, shedding ?? new FixedShedding(),
            scheduler ?? new WorkScheduler(Options.Create(new WorkSchedulerOptions()), TimeProvider.System, metrics, NullLogger<WorkScheduler>.Instance), NullLogger<PipelineHost>.Instance);
    }

    public PipelineHost Host { get; }

    public TranscriptWriter Writer { get; }

    public RecordingBroadcaster Broadcaster { get; }

    /// <summary>"phrase 1", "phrase 2", ...: the scripted text of the n-th phrase.</summary>
    public static string Words(int n) => $"phrase {n}";

    public async Task StartAsync() => await Host.EnsureStartedAsync(SessionId, "en", paused: false, CancellationToken.None);

    /// <summary>
    /// Speaks <paramref name="count"/> phrases into the session's ingest log (all of it at once): 1 s of quiet, then
    /// 0.6 s of voice and 0.8 s of quiet per phrase, in 0.1 s frames. A typed <paramref name="line"/> goes in after the
    /// frame it names (frame 13 lies inside the first phrase).
    /// </summary>
    public void Speak(int count, bool positioned = false, (int AfterFrame, string Text)? line = null)
    {
        var audio = new List<short[]> { TestAudio.WhiteNoise(1, -70, seed: 3) };
        for (var i = 0; i < count; i++)
        {
            audio.Add(TestAudio.Mix(TestAudio.Vowel(0.6, -20), TestAudio.WhiteNoise(0.6, -70, seed: 10 + i)));
            audio.Add(TestAudio.WhiteNoise(0.8, -70, seed: 100 + i));
        }

        foreach (var frame in TestAudio.Frames(TestAudio.Concat([.. audio]), 1600))
        {
            _written++;
            var bytes = new byte[frame.Length * 2];
            for (var i = 0; i < frame.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), frame[i]);
            }

            var item = new IngestItem(IngestKind.Audio, bytes, TimeProvider.System.GetTimestamp()) { Position = positioned ? $"{_written}-0" : null };
            Assert.Equal(IngestWriteResult.Accepted, _ingest.TryWrite(SessionId, item));
            if (line is { } typed && typed.AfterFrame == _written)
            {
                Type(typed.Text, positioned);
            }
        }
    }

    /// <summary>A line the operator typed, into the session's ingest log.</summary>
    public void Type(string text, bool positioned = false)
    {
        _written++;
        var item = IngestItem.Typed(text, TimeProvider.System.GetTimestamp()) with { Position = positioned ? $"{_written}-0" : null };
        Assert.Equal(IngestWriteResult.Accepted, _ingest.TryWrite(SessionId, item));
    }

    /// <summary>A Bible passage or a cue of prepared text, into the session's ingest log.</summary>
    public void Send(ScriptedPhrase phrase)
    {
        _written++;
        Assert.Equal(IngestWriteResult.Accepted, _ingest.TryWrite(SessionId, IngestItem.Scripted(phrase, TimeProvider.System.GetTimestamp())));
    }

    /// <summary>Closes the session's log with an end marker, as the node ending a session does; does not wait.</summary>
    public void CloseLog()
    {
        var end = IngestItem.Control(IngestKind.End, TimeProvider.System.GetTimestamp()) with { Position = $"{++_written}-0" };
        _ingest.TryWrite(SessionId, end);
        _ingest.Complete(SessionId);
    }

    /// <summary>Ends the session and waits until every phrase has been delivered.</summary>
    public async Task EndAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.EndAsync(SessionId, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Writer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
