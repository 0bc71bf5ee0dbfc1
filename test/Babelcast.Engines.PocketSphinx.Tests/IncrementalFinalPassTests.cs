using System.Diagnostics;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Pipeline;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// The final pass as the session pipeline drives it (segmenter events in order: partial chunks, settled audio, the
/// head start at a tentative end, the end), over the 12 real clips each followed by 1.5 s of silence, with the server's
/// final-pass settings. The incremental pass is paced as if it kept up with real time (its queued work is awaited after
/// every event), so the CPU time from the head start (or the end) to the text is what a phrase waits for after its
/// speech on an idle core. Deterministic apart from the CPU times; one decoder history per run. The CPU times are the
/// process's, so the class runs alone (a glossary test decoding beside it once pushed the ratio to 0.53 in CI).
/// </summary>
[Collection(SoloCollection.Name)]
public sealed class IncrementalFinalPassTests(ITestOutputHelper output)
{
    private const string ServerFinalPass = "-fwdflat no -bestpath yes -bestpathlw 8.5 -maxhmmpf 10000";

    [Fact]
    public async Task Pipeline_IncrementalPass_AsAccurateAsTheWholePhrasePassAndFasterAtTheEnd()
    {
        var whole = await RunAsync(incremental: false, startMs: 1500);
        var incremental = await RunAsync(incremental: true, startMs: 1500);
        foreach (var extra in (Environment.GetEnvironmentVariable("BABELCAST_INCREMENTAL_START_MS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            await RunAsync(incremental: true, startMs: int.Parse(extra, System.Globalization.CultureInfo.InvariantCulture));
        }

        // +-2 words is what a decoder's history moves on these clips; the incremental pass must stay within that.
        Assert.True(incremental.Errors <= whole.Errors + 2, $"incremental {incremental.Errors} word errors, whole-phrase pass {whole.Errors}");
        Assert.True(incremental.Incremental > incremental.Phrases / 2, $"only {incremental.Incremental} of {incremental.Phrases} phrases finished incrementally");
        Assert.True(incremental.EndCpuP50 < whole.EndCpuP50 / 2, $"end work p50 {incremental.EndCpuP50:F0} ms incremental, {whole.EndCpuP50:F0} ms whole");
    }

    internal async Task<Result> RunAsync(bool incremental, int startMs)
    {
        var options = new PipelineOptions();
        using var factory = Engine.CreateFactory(o =>
            (o.FinalArguments, o.FinalDecoders, o.IncrementalFinalPass, o.IncrementalStartMs) = (ServerFinalPass, 1, incremental, startMs));
        await factory.PrewarmAsync("en", CancellationToken.None);
        await using var rented = await factory.RentAsync("en", CancellationToken.None);
        await factory.PrewarmAsync("en", CancellationToken.None);
        var recognizer = (PocketSphinxRecognizer)rented;
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
        using var process = Process.GetCurrentProcess();
        var totalStart = Cpu(process);
        var texts = new List<string>();
        var endCpu = new List<double>();
        var finishedIncrementally = 0;
        Task<string>? headStart = null;
        double headStartCpu = 0;
        var byKind = new Dictionary<SegmentEventKind, double>();
        foreach (var e in events)
        {
            var eventStart = Cpu(process);
            await HandleAsync(e);
            byKind[e.Kind] = byKind.GetValueOrDefault(e.Kind) + Cpu(process) - eventStart;
        }

        async Task HandleAsync(SegmentEvent e)
        {
            switch (e.Kind)
            {
                case SegmentEventKind.Start:
                    recognizer.StartUtterance();
                    headStart = null;
                    recognizer.ProcessChunk(e.Samples);
                    break;
                case SegmentEventKind.Audio:
                    recognizer.ProcessChunk(e.Samples);
                    break;
                case SegmentEventKind.Settled:
                    recognizer.ProcessSettled(e.Samples);
                    await recognizer.IncrementalWork;
                    break;
                case SegmentEventKind.TentativeEnd:
                    {
                        var before = Cpu(process);
                        headStart = recognizer.DecodeFinalAsync(e.Samples, CancellationToken.None).AsTask();
                        await headStart;
                        headStartCpu = Cpu(process) - before;
                        break;
                    }

                case SegmentEventKind.End:
                    {
                        var before = Cpu(process);
                        string text;
                        if (e.TentativeHolds && headStart is not null)
                        {
                            await recognizer.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, CancellationToken.None);
                            text = await headStart;
                            endCpu.Add(headStartCpu);
                        }
                        else
                        {
                            text = await recognizer.EndUtteranceAsync(e.Samples, CancellationToken.None);
                            endCpu.Add(Cpu(process) - before);
                        }

                        finishedIncrementally += incremental && e.Samples.Length >= startMs * 16 ? 1 : 0;
                        if (e.SpeechMs >= options.MinSpeechMs)
                        {
                            texts.Add(TextFilter.Clean(text));
                        }

                        break;
                    }
            }
        }

        var total = Cpu(process) - totalStart;
        var reference = string.Join(' ', clips.Select(c => c.Reference));
        var hypothesis = string.Join(' ', texts.Where(t => t.Length > 0));
        var errors = WordErrorRate.Errors(reference, hypothesis);
        var words = WordErrorRate.WordCount(reference);
        var sorted = endCpu.Order().ToList();
        var p50 = sorted[(sorted.Count - 1) / 2];
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        output.WriteLine($"incremental {incremental}, start {startMs} ms: {texts.Count} phrases ({finishedIncrementally} long enough to finish incrementally), " +
            $"WER {(double)errors / words:P1} ({errors}/{words}); CPU from head start/end to text p50 {p50:F0} ms, p95 {p95:F0} ms, max {sorted[^1]:F0} ms; " +
            $"process CPU for the run {total / 1000:F1} s ({string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value / 1000:F1} s"))}): {hypothesis}");
        return new Result(errors, texts.Count, finishedIncrementally, p50);
    }

    private static double Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    internal sealed record Result(int Errors, int Phrases, int Incremental, double EndCpuP50);
}
