using System.Diagnostics;
using Babelcast.Core.Diagnostics;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Pipeline;

[Collection("real-engines")]
public sealed class LivePipelineTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RealClip_AtRealTimePace_ReachesSpanishAndFrenchListenersWithDecodableAudio()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var es = await fixture.JoinAsync(id, "es");
        await using var fr = await fixture.JoinAsync(id, "fr");

        var (clipFile, reference) = TestData.RealClips().Single(c => c.File.EndsWith("0870.wav", StringComparison.Ordinal));
        var audio = Wav.Read16kMono(clipFile).Concat(new short[16000]).ToArray();
        await speaker.StreamAudioAsync(audio);
        var lastFinal = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        await es.WaitForAsync(m => m.Type == "audioData" && m.Seq >= 0, Wait);
        await fr.WaitForAsync(m => m.Type == "audioData", Wait);
        await speaker.SendJsonAsync(new { type = "end" });
        await es.WaitForTypeAsync("sessionEnded", Wait);
        await fr.WaitForTypeAsync("sessionEnded", Wait);

        var finals = speaker.OfType("transcript").Where(m => m.Final).ToList();
        Assert.NotEmpty(finals);
        var heard = string.Join(' ', finals.Select(f => f.Text()));
        Assert.True(WordErrorRate.Errors(reference, heard) <= WordErrorRate.WordCount(reference) / 2, $"recognised \"{heard}\"");
        foreach (var (listener, language) in new[] { (es, "es"), (fr, "fr") })
        {
            var captions = listener.OfType("caption").Where(c => c.Final).ToList();
            var audios = listener.OfType("audio").ToList();
            var data = listener.OfType("audioData").ToList();
            Assert.Equal(finals.Select(f => f.Seq), captions.Select(c => c.Seq));
            Assert.Equal(captions.Select(c => c.Seq), audios.Select(a => a.Seq));
            Assert.Equal(audios.Count, data.Count);
            Assert.All(captions, c => Assert.Equal(language, c.Text("targetLanguage")));
            Assert.All(captions, c => Assert.False(string.IsNullOrWhiteSpace(c.Text())));
            Assert.True(captions.Select(c => c.Seq).SequenceEqual(captions.Select(c => c.Seq).Order()));
            foreach (var clip in data)
            {
                var seconds = DecodeMp3Seconds(clip.Binary!);
                Assert.InRange(seconds, 0.1, 30);
            }
        }

        var esText = string.Join(' ', es.OfType("caption").Where(c => c.Final).Select(c => c.Text()));
        var frText = string.Join(' ', fr.OfType("caption").Where(c => c.Final).Select(c => c.Text()));
        Assert.NotEqual(heard, esText, StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual(esText, frText, StringComparer.OrdinalIgnoreCase);
        Assert.Matches(@"(?i)\b(y|que|lo|su|en|para|de|el|la)\b", esText);
    }

    /// <summary>Decodes with the real lame decoder and returns the decoded duration.</summary>
    internal static double DecodeMp3Seconds(byte[] mp3)
    {
        var dir = Directory.CreateTempSubdirectory("bc-mp3-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.mp3");
            var output = Path.Combine(dir.FullName, "out.wav");
            File.WriteAllBytes(input, mp3);
            using var p = Process.Start(new ProcessStartInfo("lame", ["--quiet", "--decode", input, output]) { RedirectStandardError = true })!;
            p.WaitForExit(30_000);
            Assert.Equal(0, p.ExitCode);
            var pcm = Wav.Read(output);
            return pcm.Samples.Length / (double)(pcm.SampleRate * pcm.Channels);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
