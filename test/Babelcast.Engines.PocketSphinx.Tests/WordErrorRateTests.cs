using System.Diagnostics;
using Babelcast.Core.Diagnostics;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class WordErrorRateTests(ITestOutputHelper output)
{
    // Measured 24.8 % (38 of 153 words) on this machine; the margin absorbs small engine differences.
    private const double MaxWordErrorRate = 0.30;

    [Fact]
    public async Task EndUtteranceAsync_TwelveRealClips_WordErrorRateBelowThreshold()
    {
        using var process = Process.GetCurrentProcess();
        var baseline = Rss(process);
        using var factory = Engine.CreateFactory(o => o.FinalDecoders = 1);
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        var warmUp = Engine.Clip("goforward.wav");
        recognizer.ProcessChunk(warmUp);
        await recognizer.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, CancellationToken.None);
        var withStreaming = Rss(process);
        await recognizer.EndUtteranceAsync(warmUp, CancellationToken.None);
        var withBoth = Rss(process);
        int errors = 0, words = 0;
        double audio = 0;
        var streaming = new Timing();
        var secondPass = new Timing();

        foreach (var (file, reference) in TestData.RealClips())
        {
            var samples = Wav.Read16kMono(file);
            streaming.Start(process);
            recognizer.StartUtterance();
            for (var offset = 0; offset < samples.Length; offset += Engine.ChunkSamples)
            {
                recognizer.ProcessChunk(samples.AsSpan(offset, Math.Min(Engine.ChunkSamples, samples.Length - offset)));
            }

            streaming.Stop(process);
            secondPass.Start(process);
            var final = await recognizer.EndUtteranceAsync(samples, CancellationToken.None);
            secondPass.Stop(process);
            audio += samples.Length / 16000.0;

            var clipErrors = WordErrorRate.Errors(reference, final);
            errors += clipErrors;
            words += WordErrorRate.WordCount(reference);
            output.WriteLine($"{Path.GetFileName(file)}: {clipErrors} errors: \"{final}\"");
        }

        var wer = (double)errors / words;
        output.WriteLine($"WER {wer:P1} ({errors}/{words} words) over {audio:F1} s of audio");
        output.WriteLine($"RTF streaming: wall {streaming.Wall / audio:F3}, process CPU {streaming.Cpu / audio:F3}");
        output.WriteLine($"RTF second pass: wall {secondPass.Wall / audio:F3}, process CPU {secondPass.Cpu / audio:F3}");
        output.WriteLine($"RSS: +{withStreaming - baseline} MiB streaming decoder, +{withBoth - withStreaming} MiB second-pass decoder (exact only when run alone)");
        Assert.True(wer < MaxWordErrorRate, $"WER {wer:P1} is above {MaxWordErrorRate:P0}");
    }

    private static long Rss(Process process)
    {
        process.Refresh();
        return process.WorkingSet64 >> 20;
    }

    /// <summary>Wall time and whole-process CPU time (the decoder's own cost when this test runs alone).</summary>
    private sealed class Timing
    {
        private readonly Stopwatch _wall = new();
        private TimeSpan _cpuStart;

        public double Wall => _wall.Elapsed.TotalSeconds;

        public double Cpu { get; private set; }

        public void Start(Process process)
        {
            process.Refresh();
            _cpuStart = process.TotalProcessorTime;
            _wall.Start();
        }

        public void Stop(Process process)
        {
            _wall.Stop();
            process.Refresh();
            Cpu += (process.TotalProcessorTime - _cpuStart).TotalSeconds;
        }
    }
}
