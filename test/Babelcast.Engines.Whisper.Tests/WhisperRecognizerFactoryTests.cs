using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Whisper.Tests;

/// <summary>The engine end to end on the generated model: configuration, languages, loading, the gate and the passes.</summary>
[Collection(GeneratedModelCollection.Name)]
public sealed class WhisperRecognizerFactoryTests(GeneratedModel model)
{
    private readonly FakeLogger<WhisperRecognizerFactory> _logger = new();

    private WhisperRecognizerFactory Create(WhisperOptions options) =>
        new(Options.Create(options), Options.Create(new PipelineOptions()), _logger, TimeProvider.System);

    private int Logged(int id) => _logger.Collector.GetSnapshot().Count(r => r.Id.Id == id);

    [Fact]
    public async Task RentAsync_NotConfigured_InertAndUnavailable()
    {
        using var factory = Create(new WhisperOptions());
        Assert.Equal("whisper", factory.Name);
        Assert.Empty(factory.SupportedLanguages);
        await factory.PrewarmAsync("en", CancellationToken.None);
        Assert.False(factory.ModelLoaded);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await factory.RentAsync("en", CancellationToken.None));
        Assert.Contains("ModelPath", e.Message);
    }

    [Fact]
    public void Create_TruncatedModel_UnavailableNamingFile()
    {
        var path = model.Truncated(model.Length / 2);
        using var factory = Create(new WhisperOptions { ModelPath = path, RequireModel = false });
        Assert.Empty(factory.SupportedLanguages);
        Assert.Contains(path, factory.UnavailableReason);
        Assert.Contains("truncated", factory.UnavailableReason);
        Assert.Equal(1, Logged(3501));
    }

    [Fact]
    public void Validate_RequiredModelTruncated_FailsNamingFile()
    {
        var path = model.Truncated(model.Length - 100);
        var result = new WhisperOptionsValidator().Validate(null, new WhisperOptions { ModelPath = path });
        Assert.True(result.Failed);
        Assert.Contains(path, result.FailureMessage);
        Assert.Contains("truncated", result.FailureMessage);
        Assert.True(new WhisperOptionsValidator().Validate(null, new WhisperOptions { ModelPath = path, RequireModel = false }).Succeeded);
        Assert.True(new WhisperOptionsValidator().Validate(null, new WhisperOptions { ModelPath = model.Path }).Succeeded);
    }

    [Fact]
    public async Task Languages_MultilingualModel_DefaultsAndConfigured()
    {
        using (var factory = Create(new WhisperOptions { ModelPath = model.Path }))
        {
            Assert.Contains(factory.SupportedLanguages, l => l.Code == "es");
            await Assert.ThrowsAsync<NotSupportedException>(async () => await factory.RentAsync("xx", CancellationToken.None));
        }

        var only = new WhisperOptions { ModelPath = model.Path };
        only.Languages.Add("ca");
        using var catalan = Create(only);
        Assert.Equal("ca", Assert.Single(catalan.SupportedLanguages).Code);
    }

    [Fact]
    public async Task Recognizer_Silence_NeverDecodedNoText()
    {
        using var factory = Create(new WhisperOptions { ModelPath = model.Path, PartialIntervalMs = 200, PartialMinAudioMs = 200 });
        await factory.PrewarmAsync("en", CancellationToken.None);
        Assert.True(factory.ModelLoaded);
        await using var recognizer = (WhisperRecognizer)await factory.RentAsync("en", CancellationToken.None);
        foreach (var audio in new[] { Audio.Silence(4), Audio.Noise(4, 200) })
        {
            recognizer.StartUtterance();
            for (var at = 0; at < audio.Length; at += 1600)
            {
                Assert.Equal(string.Empty, recognizer.ProcessChunk(audio.AsSpan(at, 1600)));
                await recognizer.PartialWork;
            }

            Assert.Equal(string.Empty, await recognizer.EndUtteranceAsync(audio, CancellationToken.None));
        }

        Assert.Equal(0, Logged(3504));
        Assert.Equal(0, Logged(3503)); // no whisper state was ever built for a decode
        Assert.Equal(2, Logged(3505));
    }

    [Fact]
    public async Task Recognizer_Speech_PartialsAndFinalDecoded()
    {
        using var factory = Create(new WhisperOptions { ModelPath = model.Path, PartialIntervalMs = 200, PartialMinAudioMs = 500 });
        await using var recognizer = (WhisperRecognizer)await factory.RentAsync("en", CancellationToken.None);
        recognizer.SetPrompt("Babelcast");
        var speech = Audio.Speech()[..(16_000 * 4)];
        recognizer.StartUtterance();
        var shown = new List<string>();
        for (var at = 0; at < speech.Length; at += 1600)
        {
            shown.Add(recognizer.ProcessChunk(speech.AsSpan(at, 1600)));
            await recognizer.PartialWork;
        }

        var text = await recognizer.EndUtteranceAsync(speech, CancellationToken.None);
        Assert.NotEmpty(text);
        Assert.Equal(1, Logged(3504));
        Assert.True(Logged(3503) >= 2); // a partial state and an accurate one
        for (var i = 1; i < shown.Count; i++)
        {
            Assert.StartsWith(shown[i - 1], shown[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RentAsync_ModelWhisperCppRejects_ClearError()
    {
        var path = model.Rejected();
        using var factory = Create(new WhisperOptions { ModelPath = path });
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await factory.RentAsync("en", CancellationToken.None));
        Assert.Contains(path, e.Message);
        Assert.Equal(1, Logged(3507));
    }
}
