using Babelcast.Core.Diagnostics;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Pipeline;

[Collection("real-engines")]
public sealed class RecognitionAccuracyTests(LiveSessionFixture fixture, ITestOutputHelper output) : IClassFixture<LiveSessionFixture>
{
    /// <summary>
    /// Measured on 2026-12-03 through the whole pipeline at 4x real-time pace: 24.8 % with the server's final pass
    /// (best path, lw 8.5, maxhmmpf 10000; 20.3 % when each clip is one utterance), 25.5 % with the engine's default,
    /// 28.8 % (2026-11-21) with the pruned pass it replaced, which this bar fails. With the soft phrase limit as well, the
    /// latency bench measured 25.5 % at real-time pace on a quiet machine (3 Dec 04:30): the bar keeps two words of room.
    /// </summary>
    private const double MaxWordErrorRate = 0.28;

    [Fact]
    public async Task SpeakerFinalTranscript_OverTheTwelveRealClips_StaysBelowTheMeasuredWer()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        var clips = TestData.RealClips();
        var pause = new short[24000];
        foreach (var (file, _) in clips)
        {
            await speaker.StreamAudioAsync([.. Wav.Read16kMono(file), .. pause], frameMs: 100, speed: 4);
        }

        await speaker.SendJsonAsync(new { type = "end" });
        await speaker.WaitForTypeAsync("sessionEnded", TimeSpan.FromMinutes(3));

        var hypothesis = string.Join(' ', speaker.OfType("transcript").Where(t => t.Final).OrderBy(t => t.Seq).Select(t => t.Text()));
        var reference = string.Join(' ', clips.Select(c => c.Reference));
        var wer = WordErrorRate.Errors(reference, hypothesis) / (double)WordErrorRate.WordCount(reference);
        output.WriteLine($"WER {wer:P1} over {WordErrorRate.WordCount(reference)} words; hypothesis: {hypothesis}");
        Assert.InRange(wer, 0, MaxWordErrorRate);
    }
}
