using Babelcast.Core.Diagnostics;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// Once the incremental final pass has text for a phrase, the partials come from it and the streaming decoder rests;
/// if the final pass stops getting audio (the node sheds load mid-phrase) the streaming decoder takes over again.
/// Driven as the pipeline drives it: 100 ms chunks streamed, the same audio settled 200 ms later.
/// </summary>
public sealed class PartialHandoffTests
{
    private const int TailSamples = 3200;

    [Fact]
    public async Task LongPhrase_PartialsFollowTheFinalPass_AndTheStreamingDecoderRests()
    {
        var audio = Engine.Clip("jfk.wav");
        var (streamed, partials, final, _) = await RecognizeAsync(audio, settleUntil: audio.Length);

        // The first 1.5 s of settled audio plus the 200 ms tail and a chunk: about 1.8 s of an 11 s phrase.
        Assert.True(streamed < audio.Length / 3, $"the streaming decoder decoded {streamed} of {audio.Length} samples");
        var late = partials.Skip(partials.Count / 2).Distinct(StringComparer.Ordinal).Count();
        Assert.True(late >= 3, $"only {late} distinct partials in the second half of the phrase");
        var lastPartial = partials[^1];
        var errors = WordErrorRate.Errors(final, lastPartial);
        Assert.True(errors <= WordErrorRate.WordCount(final) / 4, $"last partial \"{lastPartial}\" is {errors} words from the final \"{final}\"");
    }

    [Fact]
    public async Task FinalPassStopsGettingAudio_TheStreamingDecoderTakesOverAfterTheWordsSoFar()
    {
        var audio = Engine.Clip("jfk.wav");
        var stop = 16000 * 4;

        var (streamed, partials, final, atStopSamples) = await RecognizeAsync(audio, settleUntil: stop);
        Assert.True(atStopSamples < stop / 2, $"the streaming decoder decoded {atStopSamples} samples of the first {stop}: it never rested");

        // 1.5 s of lag after the settled audio stops, then every chunk to the end goes to the streaming decoder again.
        var expected = audio.Length - stop - 24000 - TailSamples - Engine.ChunkSamples;
        Assert.True(streamed >= expected, $"the streaming decoder decoded {streamed} samples, expected at least {expected}");
        var atStop = partials[(stop + TailSamples) / Engine.ChunkSamples];
        Assert.StartsWith(atStop, partials[^1], StringComparison.Ordinal);
        Assert.True(WordErrorRate.WordCount(partials[^1]) > WordErrorRate.WordCount(atStop) + 5, $"partials stopped growing: \"{atStop}\" -> \"{partials[^1]}\"");
        Assert.NotEmpty(final);
    }

    /// <summary>A warm recogniser with the incremental pass (started at 1.5 s) driven over one phrase; the streaming decoder's samples.</summary>
    private static async Task<(long StreamingSamples, List<string> Partials, string Final, long StreamedAtStop)> RecognizeAsync(
        short[] audio, int settleUntil)
    {
        using var factory = Engine.CreateFactory(o => (o.IncrementalFinalPass, o.IncrementalStartMs) = (true, 1500));
        await factory.PrewarmAsync("en", CancellationToken.None);
        await using var rented = await factory.RentAsync("en", CancellationToken.None);
        await factory.PrewarmAsync("en", CancellationToken.None);
        var recognizer = (PocketSphinxRecognizer)rented;
        var (partials, final, streamedAtStop) = await DriveAsync(recognizer, audio, settleUntil);
        return (recognizer.StreamingSamples, partials, final, streamedAtStop);
    }

    private static async Task<(List<string> Partials, string Final, long StreamedAtStop)> DriveAsync(PocketSphinxRecognizer recognizer, short[] audio, int settleUntil)
    {
        var partials = new List<string>();
        var settled = 0;
        var streamedAtStop = 0L;
        recognizer.StartUtterance();
        for (var offset = 0; offset < audio.Length; offset += Engine.ChunkSamples)
        {
            var end = Math.Min(offset + Engine.ChunkSamples, audio.Length);
            partials.Add(recognizer.ProcessChunk(audio.AsSpan(offset, end - offset)));
            streamedAtStop = end <= settleUntil ? recognizer.StreamingSamples : streamedAtStop;
            var settle = Math.Min(end - TailSamples, settleUntil);
            if (settle > settled)
            {
                recognizer.ProcessSettled(audio.AsSpan(settled, settle - settled));
                settled = settle;
                await recognizer.IncrementalWork;
            }
        }

        return (partials, await recognizer.EndUtteranceAsync(audio, CancellationToken.None), streamedAtStop);
    }
}
