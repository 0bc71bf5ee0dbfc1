using Babelcast.Core.Audio;
using Babelcast.Core.Capacity;
using Babelcast.Core.Glossaries;
using Babelcast.Core.Recognition;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Engines.Whisper.Tests;

/// <summary>Scheduling, agreement, gating and filtering around a scripted decoder (Whisper.net itself: the generated-model tests).</summary>
public sealed class WhisperRecognizerTests : IDisposable
{
    private const int Chunk = 1600; // 100 ms, as the pipeline feeds

    private readonly FakeTimeProvider _time = new();
    private readonly TestShedding _shedding = new();
    private readonly ScriptedDecoder _decoder;
    private readonly DecodeGate _gate = new(1);

    public WhisperRecognizerTests() => _decoder = new ScriptedDecoder(_time);

    public void Dispose() => _gate.Dispose();

    private WhisperRecognizer Create(WhisperOptions? options = null) =>
        new(new WhisperEngine(_decoder, _gate, options ?? new WhisperOptions(), new VoiceActivityOptions(), NullLogger.Instance, _time, _shedding), "en");

    /// <summary>Feeds <paramref name="audio"/> chunk by chunk in real-time steps of the fake clock; returns every partial shown.</summary>
    private async Task<List<string>> FeedAsync(WhisperRecognizer recognizer, short[] audio)
    {
        var shown = new List<string>();
        for (var at = 0; at < audio.Length; at += Chunk)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            if (_decoder.Due)
            {
                await recognizer.PartialWork; // done, or about to be: its clock time has passed
            }

            var before = recognizer.PartialWork;
            var calls = _decoder.Calls.Count;
            shown.Add(recognizer.ProcessChunk(audio.AsSpan(at, Math.Min(Chunk, audio.Length - at))));
            var started = recognizer.PartialWork;
            if (ReferenceEquals(before, started))
            {
                continue;
            }

            if (_decoder.Cost == TimeSpan.Zero)
            {
                await started;
            }
            else
            {
                // A slow decode runs on while audio arrives: wait only until it has begun (its clock time is set).
                Assert.True(SpinWait.SpinUntil(() => _decoder.Calls.Count > calls || started.IsCompleted, TimeSpan.FromSeconds(10)));
            }
        }

        return shown;
    }

    [Fact]
    public async Task Silence_NeverDecoded_NoText()
    {
        await using var recognizer = Create();
        var silence = Audio.Silence(6);
        recognizer.StartUtterance();
        var shown = await FeedAsync(recognizer, silence);
        var final = await recognizer.EndUtteranceAsync(silence, CancellationToken.None);
        Assert.All(shown, s => Assert.Equal(string.Empty, s));
        Assert.Equal(string.Empty, final);
        Assert.Empty(_decoder.Calls);
    }

    [Fact]
    public async Task SteadyNoise_NeverDecoded_NoText()
    {
        await using var recognizer = Create();
        var noise = Audio.Noise(6, 400);
        recognizer.StartUtterance();
        await FeedAsync(recognizer, noise);
        Assert.Equal(string.Empty, await recognizer.DecodeFinalAsync(noise, CancellationToken.None));
        Assert.Equal(string.Empty, await recognizer.EndUtteranceAsync(noise, CancellationToken.None));
        Assert.Empty(_decoder.Calls);
    }

    [Fact]
    public async Task Partials_ShowOnlyAgreedPrefix_NeverShrink()
    {
        foreach (var p in new[] { "and so", "and so my fellow", "and so my fellow Americans", "and so, my fellow Americans ask", "and so my fellow Americans ask not what" })
        {
            _decoder.Partials.Enqueue([" " + p]);
        }

        await using var recognizer = Create();
        recognizer.StartUtterance();
        var shown = await FeedAsync(recognizer, Audio.Speech());
        Assert.DoesNotContain("and so my fellow Americans ask not what", shown); // the last decode has no second to agree with
        Assert.Contains("and so my fellow", shown);
        for (var i = 1; i < shown.Count; i++)
        {
            Assert.StartsWith(shown[i - 1], shown[i], StringComparison.Ordinal);
        }

        Assert.Equal("and so my fellow Americans ask", shown[^1]);
    }

    [Fact]
    public async Task Partials_PacedByInterval()
    {
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 1000 });
        recognizer.StartUtterance();
        await FeedAsync(recognizer, Audio.Speech()); // 11 s
        // The first after a second of audio, then one a second at most.
        Assert.InRange(_decoder.PartialCalls, 8, 11);
    }

    [Fact]
    public async Task Partials_SlowDecodes_PacedByTheirCost()
    {
        _decoder.Cost = TimeSpan.FromMilliseconds(2000); // each decode takes 2 s: the next starts 4 s after it
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 500 });
        recognizer.StartUtterance();
        await FeedAsync(recognizer, Audio.Speech());
        Assert.InRange(_decoder.PartialCalls, 2, 3); // at 1, 5 and 9 s, where 0.5 s pacing would make 20
    }

    [Fact]
    public async Task Partials_ThinPartials_FourTimesRarer()
    {
        _shedding.Level = ShedLevel.ThinPartials;
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 500 });
        recognizer.StartUtterance();
        await FeedAsync(recognizer, Audio.Speech());
        Assert.InRange(_decoder.PartialCalls, 4, 6); // every 2 s instead of every 0.5 s (about 20)
    }

    [Fact]
    public async Task Partials_StreamingFinalLevel_None()
    {
        _shedding.Level = ShedLevel.StreamingFinal;
        await using var recognizer = Create();
        recognizer.StartUtterance();
        var shown = await FeedAsync(recognizer, Audio.Speech());
        Assert.Equal(0, _decoder.PartialCalls);
        Assert.All(shown, s => Assert.Equal(string.Empty, s));
    }

    [Fact]
    public async Task Partials_Off_None()
    {
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        recognizer.StartUtterance();
        await FeedAsync(recognizer, Audio.Speech());
        Assert.Equal(0, _decoder.PartialCalls);
    }

    [Fact]
    public async Task Partials_SlotTakenByFinal_Skipped()
    {
        using var gate = new DecodeGate(1);
        await using var recognizer = new WhisperRecognizer(
            new WhisperEngine(_decoder, gate, new WhisperOptions(), new VoiceActivityOptions(), NullLogger.Instance, _time, _shedding), "en");
        recognizer.StartUtterance();
        using (await gate.EnterFinalAsync(CancellationToken.None))
        {
            await FeedAsync(recognizer, Audio.Speech());
        }

        Assert.Equal(0, _decoder.PartialCalls);
    }

    [Fact]
    public async Task Final_DecodesWholePhraseWithPrompt()
    {
        _decoder.Finals.Enqueue([" And so my fellow Babelcast listeners."]);
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        recognizer.SetPrompt("Babelcast, Jehoshaphat");
        var speech = Audio.Speech();
        recognizer.StartUtterance();
        await FeedAsync(recognizer, speech);
        var text = await recognizer.EndUtteranceAsync(speech, CancellationToken.None);
        Assert.Equal("And so my fellow Babelcast listeners.", text);
        var (request, samples) = Assert.Single(_decoder.Calls);
        Assert.Equal(new DecodeRequest("en", DecodePass.Accurate, "Babelcast, Jehoshaphat"), request);
        Assert.Equal(speech.Length, samples);
    }

    [Fact]
    public async Task ApplyGlossary_TermsBecomeThePrompt_EmptyGlossaryRemovesIt()
    {
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        var speech = Audio.Speech();
        ISpeechRecognizer asRecognizer = recognizer;
        asRecognizer.ApplyGlossary(new SessionGlossary(
        [
            new GlossaryEntry("Pastor Nguyen", "pastor win", new Dictionary<string, string>()),
            new GlossaryEntry("Ecclesiastes", null, new Dictionary<string, string> { ["es"] = "Eclesiastés" }),
        ]));
        recognizer.StartUtterance();
        await FeedAsync(recognizer, speech);
        await recognizer.EndUtteranceAsync(speech, CancellationToken.None);
        asRecognizer.ApplyGlossary(SessionGlossary.Empty);
        recognizer.StartUtterance();
        await FeedAsync(recognizer, speech);
        await recognizer.EndUtteranceAsync(speech, CancellationToken.None);

        string?[] expected = ["Pastor Nguyen, Ecclesiastes", null];
        Assert.Equal(expected, _decoder.Calls.Select(c => c.Request.Prompt));
    }

    [Fact]
    public async Task Final_Hallucination_Dropped()
    {
        _decoder.Finals.Enqueue([" Let us pray.", " Thank you for watching!", " [BLANK_AUDIO]"]);
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        recognizer.StartUtterance();
        Assert.Equal("Let us pray.", await recognizer.EndUtteranceAsync(Audio.Speech(), CancellationToken.None));
    }

    [Fact]
    public async Task Final_ReducedPass_Selected()
    {
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        recognizer.SelectFinalPass(FinalPass.Reduced);
        recognizer.StartUtterance();
        await recognizer.EndUtteranceAsync(Audio.Speech(), CancellationToken.None);
        Assert.Equal(DecodePass.Reduced, Assert.Single(_decoder.Calls).Request.Pass);
    }

    [Fact]
    public async Task EndUtterance_EmptyAfterEarlyFinal_NoSecondDecode()
    {
        _decoder.Finals.Enqueue([" early"]);
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        var speech = Audio.Speech();
        recognizer.StartUtterance();
        await FeedAsync(recognizer, speech);
        Assert.Equal("early", await recognizer.DecodeFinalAsync(speech, CancellationToken.None));
        await recognizer.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, CancellationToken.None);
        Assert.Equal(1, _decoder.FinalCalls);
    }

    [Fact]
    public async Task EndUtterance_EmptyWithoutEarlyFinal_DecodesFedAudioReduced()
    {
        _decoder.Finals.Enqueue([" shed"]);
        await using var recognizer = Create(new WhisperOptions { PartialIntervalMs = 0 });
        var speech = Audio.Speech();
        recognizer.StartUtterance();
        await FeedAsync(recognizer, speech);
        Assert.Equal("shed", await recognizer.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, CancellationToken.None));
        var (request, samples) = Assert.Single(_decoder.Calls);
        Assert.Equal(DecodePass.Reduced, request.Pass);
        Assert.Equal(speech.Length, samples);
    }

    [Fact]
    public async Task StartUtterance_LatePartialOfLastPhrase_Dropped()
    {
        _decoder.Partials.Enqueue([" old phrase"]);
        _decoder.Partials.Enqueue([" old phrase words"]);
        await using var recognizer = Create();
        recognizer.StartUtterance();
        await FeedAsync(recognizer, Audio.Speech()[..(16_000 * 3)]);
        recognizer.StartUtterance();
        Assert.Equal(string.Empty, recognizer.ProcessChunk(Audio.Silence(0.1)));
    }
}
