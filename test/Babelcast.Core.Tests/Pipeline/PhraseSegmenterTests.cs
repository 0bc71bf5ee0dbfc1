using Babelcast.Core.Pipeline;
using Babelcast.Core.Tests.Audio;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Pipeline;

public sealed class PhraseSegmenterTests
{
    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name));

    /// <summary>A quiet room (-70 dBFS hiss) rather than digital zeros, which the detector leaves out of its noise floor.</summary>
    private static short[] Room(double seconds) => TestAudio.WhiteNoise(seconds, -70, seed: 7);

    [Fact]
    public void Push_SpeechWithPauses_GivesSeveralPhrasesThatMatchTheAudio()
    {
        var audio = Clip("jfk.wav");

        var phrases = Segmentation.Run(audio, new PipelineOptions());

        // "And so my fellow Americans / ask not / what your country can do for you / ask what you can do for your country".
        Assert.InRange(phrases.Count, 3, 6);
        Segmentation.AssertConsistent(audio, phrases, new PipelineOptions());
    }

    [Fact]
    public void Push_TwoClipsJoinedBySilence_NoPhraseBridgesTheGap()
    {
        var first = Clip("LDC93S1.wav");
        var audio = TestAudio.Concat(first, TestAudio.Silence(1), Clip("arctic_a0024.wav"));
        var gapStartMs = first.Length / 16;
        var gapEndMs = gapStartMs + 1000;

        var phrases = Segmentation.Run(audio, new PipelineOptions());

        Assert.True(phrases.Count >= 2, $"{phrases.Count} phrases");
        Assert.Contains(phrases, p => p.StartMs < gapStartMs);
        Assert.Contains(phrases, p => p.StartMs >= gapStartMs);
        Assert.DoesNotContain(phrases, p => p.StartMs < gapStartMs && p.EndMs > gapEndMs);
        Segmentation.AssertConsistent(audio, phrases, new PipelineOptions());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-45.0)]
    [InlineData(-30.0)]
    public void Push_TenSecondsOfDigitalSilenceOrSteadyNoise_GivesNoPhrase(double? noiseDbfs)
    {
        var audio = noiseDbfs is { } dbfs ? TestAudio.WhiteNoise(10, dbfs) : TestAudio.Silence(10);
        var events = new List<SegmentEvent>();
        var segmenter = new PhraseSegmenter(new PipelineOptions());

        Segmentation.Push(segmenter, audio, events);
        segmenter.Flush(events);

        Assert.DoesNotContain(events, e => e.Kind != SegmentEventKind.Quality);
    }

    [Fact]
    public void Push_PhraseLongerThanMax_IsCutIntoPiecesThatCoverTheAudio()
    {
        // No pause is long enough to end a phrase, so only the length limit cuts.
        var options = new PipelineOptions { MaxPhraseMs = 2000, EndSilenceMs = 5000 };
        var audio = Clip("jfk.wav");

        var phrases = Segmentation.Run(audio, options);

        Assert.InRange(phrases.Count, 6, 11);
        Segmentation.AssertConsistent(audio, phrases, options);
        for (var i = 0; i < phrases.Count - 1; i++)
        {
            Assert.Equal(phrases[i].EndMs, phrases[i + 1].StartMs);
            Assert.InRange(phrases[i].EndMs - phrases[i].StartMs, options.MaxPhraseMs / 2, options.MaxPhraseMs);
        }

        Assert.Equal(audio.Length / 16, phrases[^1].EndMs);
        var covered = phrases.SelectMany(p => p.End.Samples).ToArray();
        Assert.Equal(audio[(int)(phrases[0].StartMs * 16)..], covered);
    }

    [Fact]
    public void Push_LongPhrase_IsCutAtAQuietPoint()
    {
        // A sound with one 100 ms dip 1.4 s in; max 2 s, so the cut must land in the dip (in the second half).
        var options = new PipelineOptions { MaxPhraseMs = 2000, EndSilenceMs = 5000, PreRollMs = 0 };
        var loud = TestAudio.Vowel(1.4, -20);
        var audio = TestAudio.Concat(Room(0.5), loud, TestAudio.Vowel(0.1, -40), loud, Room(0.5));

        var phrases = Segmentation.Run(audio, options);

        Assert.True(phrases.Count >= 2, $"{phrases.Count} phrases");
        Assert.InRange(phrases[0].EndMs, 1900, 2000);
        Assert.Equal(phrases[0].EndMs, phrases[1].StartMs);
        Segmentation.AssertConsistent(audio, phrases, options);

        // Speech time counts only the piece's own frames: every frame of the first piece but the dip's is voiced.
        Assert.InRange(phrases[0].End.SpeechMs, phrases[0].EndMs - phrases[0].StartMs - 100, phrases[0].EndMs - phrases[0].StartMs);
    }

    [Fact]
    public void Push_SoundAfterQuietRoom_PhraseIncludesPreRoll()
    {
        var options = new PipelineOptions();
        var audio = TestAudio.Concat(TestAudio.WhiteNoise(1, -65), TestAudio.Vowel(1, -20), TestAudio.WhiteNoise(1, -65, seed: 2));

        var phrases = Segmentation.Run(audio, options);

        var phrase = Assert.Single(phrases);
        Assert.Equal(options.PreRollMs * 16, phrase.Start.Samples.Length);
        // The pre-roll reaches back before the sound began (onset needs 4 frames = 80 ms of it).
        Assert.InRange(phrase.StartMs, 1000 - options.PreRollMs, 1000 - options.PreRollMs + 100);
        Assert.InRange(phrase.EndMs, 2000, 2200);
        Segmentation.AssertConsistent(audio, phrases, options);
    }

    [Fact]
    public void Push_PauseAfterSpeech_EndsPhraseAsSoonAsThePauseIsHeard()
    {
        var options = new PipelineOptions();
        var audio = TestAudio.Concat(Room(0.5), TestAudio.Vowel(1, -20), TestAudio.Silence(3));
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();
        var endAtMs = -1;

        for (var i = 0; i < audio.Length && endAtMs < 0; i += 320)
        {
            segmenter.Push(audio.AsSpan(i, 320), i, events);
            endAtMs = events.Exists(e => e.Kind == SegmentEventKind.End) ? (i + 320) / 16 : -1;
        }

        Assert.InRange(endAtMs, 1500 + options.EndSilenceMs, 1500 + options.EndSilenceMs + 40);
        Assert.False(segmenter.InPhrase);
    }

    [Fact]
    public void Flush_PhraseInProgress_ClosesItWithAllAudioSoFar()
    {
        var audio = TestAudio.Concat(Room(0.5), TestAudio.Vowel(0.7, -20));
        var segmenter = new PhraseSegmenter(new PipelineOptions());
        var events = new List<SegmentEvent>();
        Segmentation.Push(segmenter, audio, events);
        Assert.True(segmenter.InPhrase);
        Assert.DoesNotContain(events, e => e.Kind == SegmentEventKind.End);

        segmenter.Flush(events);

        var phrase = Assert.Single(SegmentedPhrase.From(events));
        Assert.False(segmenter.InPhrase);
        Assert.Equal(1200, phrase.EndMs);
        Assert.Equal(phrase.End.Samples, phrase.Streamed);
        Segmentation.AssertConsistent(audio, [phrase], new PipelineOptions());

        var more = new List<SegmentEvent>();
        segmenter.Flush(more);
        Assert.Empty(more);
    }

    [Fact]
    public void Flush_NoPhrase_EmitsNothing()
    {
        var segmenter = new PhraseSegmenter(new PipelineOptions());
        var events = new List<SegmentEvent>();
        Segmentation.Push(segmenter, TestAudio.Silence(1), events);

        segmenter.Flush(events);

        Assert.Empty(events);
    }

    [Fact]
    public void Push_OddSizedPackets_GiveSamePhrasesAsWholeFrames()
    {
        var audio = Clip("jfk.wav");

        var framed = Segmentation.Run(audio, new PipelineOptions(), packetSamples: 320);
        var odd = Segmentation.Run(audio, new PipelineOptions(), packetSamples: 1234);

        Assert.Equal(framed.Select(p => (p.StartMs, p.EndMs)), odd.Select(p => (p.StartMs, p.EndMs)));
    }

    [Fact]
    public void Push_EveryRealClip_PhrasesAreConsistent()
    {
        foreach (var (file, _) in TestData.RealClips())
        {
            var audio = Wav.Read16kMono(file);
            var phrases = Segmentation.Run(audio, new PipelineOptions());

            Assert.NotEmpty(phrases);
            Segmentation.AssertConsistent(audio, phrases, new PipelineOptions());
        }
    }
}
