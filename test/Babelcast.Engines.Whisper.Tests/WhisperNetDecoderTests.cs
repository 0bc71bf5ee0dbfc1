using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.Whisper.Tests;

/// <summary>
/// Whisper.net and its bundled whisper.cpp (linux-x64 runtime from the NuGet package) on the generated tiny model:
/// loading, decoding, state pooling, concurrency and threads. The text is nonsense by design; accuracy is not tested.
/// </summary>
[Collection(GeneratedModelCollection.Name)]
public sealed class WhisperNetDecoderTests(GeneratedModel model, ITestOutputHelper output)
{
    private static float[] Floats(short[] samples) => [.. samples.Select(s => s / 32768f)];

    [Fact]
    public async Task DecodeAsync_GeneratedModel_DecodesWordsOfItsVocabulary()
    {
        var logger = new FakeLogger();
        using var decoder = new WhisperNetDecoder(model.Path, new WhisperOptions(), logger);
        var started = Stopwatch.GetTimestamp();
        var segments = await decoder.DecodeAsync(Floats(Audio.Speech()[..48_000]), new DecodeRequest("en", DecodePass.Accurate, null), CancellationToken.None);
        output.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: [{string.Join("|", segments)}]");
        Assert.True(decoder.Loaded);
        Assert.NotEmpty(segments);
        Assert.All(segments, s => Assert.Matches(@"^(\s*(w\d+|\[_[A-Z0-9_]+\]))*\s*$", s));
    }

    [Fact]
    public async Task DecodeAsync_SameRequestTwice_ReusesState()
    {
        var logger = new FakeLogger();
        using var decoder = new WhisperNetDecoder(model.Path, new WhisperOptions(), logger);
        var request = new DecodeRequest("en", DecodePass.Partial, "Babelcast glossary");
        var audio = Floats(Audio.Speech()[..32_000]);
        var first = await decoder.DecodeAsync(audio, request, CancellationToken.None);
        var second = await decoder.DecodeAsync(audio, request, CancellationToken.None);
        Assert.Equal(first, second); // greedy decoding of the same audio on a reused state: the same result
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 3503);
    }

    [Fact]
    public async Task DecodeAsync_ConcurrentDecodes_EachOnItsOwnState()
    {
        var logger = new FakeLogger();
        using var decoder = new WhisperNetDecoder(model.Path, new WhisperOptions { MaxConcurrentDecodes = 2, Threads = 1 }, logger);
        decoder.EnsureLoaded();
        var audio = Floats(Audio.Speech()[..32_000]);
        var request = new DecodeRequest("en", DecodePass.Reduced, null);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await decoder.DecodeAsync(audio, request, CancellationToken.None))));
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.InRange(logger.Collector.GetSnapshot().Count(r => r.Id.Id == 3503), 2, 4);
    }

    [Fact]
    public async Task DecodeAsync_AccurateWithBeamSearch_Decodes()
    {
        using var decoder = new WhisperNetDecoder(model.Path, new WhisperOptions { BeamSize = 3, Threads = 2 }, new FakeLogger());
        var segments = await decoder.DecodeAsync(Floats(Audio.Speech()[..32_000]), new DecodeRequest("es", DecodePass.Accurate, "Babelcast"), CancellationToken.None);
        Assert.NotNull(segments);
    }

    [Fact]
    public async Task DecodeAsync_Cancelled_Throws()
    {
        using var decoder = new WhisperNetDecoder(model.Path, new WhisperOptions(), new FakeLogger());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await decoder.DecodeAsync(Floats(Audio.Speech()[..32_000]), new DecodeRequest("en", DecodePass.Partial, null), cancelled.Token));
    }

    [Fact]
    public void EnsureLoaded_ShapeWhisperCppRejects_Throws()
    {
        var path = model.Rejected();
        Assert.Null(ModelFileCheck.Problem(path, out _));
        using var decoder = new WhisperNetDecoder(path, new WhisperOptions(), new FakeLogger());
        Assert.ThrowsAny<Exception>(decoder.EnsureLoaded);
    }
}
