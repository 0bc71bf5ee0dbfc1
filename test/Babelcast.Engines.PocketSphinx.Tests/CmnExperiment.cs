using System.Diagnostics;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Pipeline;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class CmnExperiment(ITestOutputHelper output)
{
    private const string Fast = "-fwdflat no -bestpath yes -bestpathlw 8.5 -maxhmmpf 10000";

    [Fact]
    public void Experiment()
    {
        var args = Environment.GetEnvironmentVariable("XP_ARGS") ?? Fast;
        var strategies = (Environment.GetEnvironmentVariable("XP") ?? "batch,whole,first:1000,history").Split(',');
        var options = new PipelineOptions();
        var clips = TestData.RealClips();
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();
        foreach (var (file, _) in clips)
        {
            short[] audio = [.. Wav.Read16kMono(file), .. new short[24000]];
            for (var i = 0; i < audio.Length; i += Engine.ChunkSamples)
            {
                segmenter.Push(audio.AsSpan(i, Math.Min(Engine.ChunkSamples, audio.Length - i)), i, events);
            }
        }

        segmenter.Flush(events);
        var phrases = events.Where(e => e.Kind == SegmentEventKind.End && e.SpeechMs >= options.MinSpeechMs).Select(e => e.Samples.ToArray()).ToList();
        var reference = string.Join(' ', clips.Select(c => c.Reference));
        var popts = new PocketSphinxOptions();
        var argv = DecoderArguments.Build(popts, args);
        foreach (var strategy in strategies)
        {
            using var decoder = PocketSphinxDecoder.Create(argv, null);
            using var estimator = decoder.CreateMeanEstimator();
            var texts = new List<string>();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var mean = new float[13];
            var prev = new float[13];
            foreach (var phrase in phrases)
            {
                texts.Add(TextFilter.Clean(Decode(strategy, decoder, estimator, phrase, mean, prev)));
            }

            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            var hypothesis = string.Join(' ', texts.Where(t => t.Length > 0));
            var errors = WordErrorRate.Errors(reference, hypothesis);
            var words = WordErrorRate.WordCount(reference);
            var audio = phrases.Sum(p => p.Length) / 16000.0;
            output.WriteLine($"{strategy}: {phrases.Count} phrases, WER {(double)errors / words:P1} ({errors}/{words}), CPU {cpu:F2} s for {audio:F1} s (RTF {cpu / audio:F3}): {hypothesis}");
        }
    }

    private static string Decode(string strategy, PocketSphinxDecoder decoder, CepstralMeanEstimator estimator, short[] phrase, float[] mean, float[] prev)
    {
        var parts = strategy.Split(':');
        switch (parts[0])
        {
            case "batch":
                return decoder.DecodeWhole(phrase);
            case "whole":
                estimator.Mean(phrase, mean);
                decoder.TrySetCepstralMean(mean);
                return Block(decoder, phrase);
            case "first":
                {
                    var n = Math.Min(phrase.Length, int.Parse(parts[1]) * 16);
                    if (estimator.Mean(phrase.AsSpan(0, n), mean) > 0)
                    {
                        decoder.TrySetCepstralMean(mean);
                    }

                    return Block(decoder, phrase);
                }

            case "mix":
                {
                    // first D mean blended with the decoder's current (history) mean, weight w on the first-D mean
                    var n = Math.Min(phrase.Length, int.Parse(parts[1]) * 16);
                    var w = double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                    decoder.TryGetCepstralMean(prev);
                    if (estimator.Mean(phrase.AsSpan(0, n), mean) > 0)
                    {
                        for (var k = 0; k < 13; k++)
                        {
                            mean[k] = (float)((w * mean[k]) + ((1 - w) * prev[k]));
                        }

                        decoder.TrySetCepstralMean(mean);
                    }

                    return Block(decoder, phrase);
                }

            case "history":
                return Block(decoder, phrase);
            default:
                throw new ArgumentException(strategy);
        }
    }

    private static string Block(PocketSphinxDecoder decoder, short[] phrase)
    {
        decoder.Reset();
        decoder.StartUtterance();
        for (var i = 0; i < phrase.Length; i += Engine.ChunkSamples)
        {
            decoder.Process(phrase.AsSpan(i, Math.Min(Engine.ChunkSamples, phrase.Length - i)), wholeUtterance: false);
        }

        decoder.EndUtterance();
        return decoder.Hypothesis();
    }
}
