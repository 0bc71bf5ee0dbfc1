using Babelcast.Core.Diagnostics;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Pipeline;

[Collection("real-engines")]
public sealed class RecognitionAccuracyTests(LiveSessionFixture fixture, ITestOutputHelper output) : IClassFixture<LiveSessionFixture>
{
    /// <summary>
    /// The server's final pass (best path, lw 8.5, maxhmmpf 10000) decodes the 12 clips at 20.3 % WER one clip per
    /// utterance (engine test) and 20.9 % in the issue-11 measurement; through the pipeline's own phrase cuts 21-23 %
    /// is expected. The pruned pass it replaced measured 28.8 % here, the engine's default 25.5 %: this bar fails if
    /// the default falls back to either.
    /// </summary>
    private const double MaxWordErrorRate = 0.25;

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
