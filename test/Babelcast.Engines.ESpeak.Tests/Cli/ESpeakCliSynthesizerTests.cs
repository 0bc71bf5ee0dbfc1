using Babelcast.Core.Synthesis;
using Babelcast.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Engines.ESpeak.Tests.Cli;

public sealed class ESpeakCliSynthesizerTests : IDisposable
{
    private const string Spanish = "Hoy oiremos un mensaje sobre la esperanza y el perdón.";

    private readonly ServiceProvider _provider = SynthesizerFixture.Build();

    private ISpeechSynthesizer Cli => _provider.Synthesizer("espeak-cli");

    [Theory]
    [InlineData("es", Spanish)]
    [InlineData("fr", "La conférence continuera après une courte pause pour le déjeuner.")]
    public async Task SynthesizeAsync_Sentence_MatchesInProcessEngine(string language, string text)
    {
        var cli = await Cli.SynthesizeAsync(text, language, Prosody.Neutral, CancellationToken.None);
        var library = await _provider.Espeak().SynthesizeAsync(text, language, Prosody.Neutral, CancellationToken.None);

        Assert.Equal(22050, cli.SampleRate);
        Assert.InRange(cli.DurationMs, library.DurationMs * 0.95, library.DurationMs * 1.05);
        Assert.True(PcmStats.Rms(cli.Samples) > 500);
    }

    [Fact]
    public async Task SynthesizeAsync_Prosody_ChangesRateAndVolume()
    {
        var fastQuiet = await Cli.SynthesizeAsync(Spanish, "es", new Prosody(1.5, 0.3), CancellationToken.None);
        var slowLoud = await Cli.SynthesizeAsync(Spanish, "es", new Prosody(0.75, 1.5), CancellationToken.None);

        Assert.True(fastQuiet.DurationMs < slowLoud.DurationMs * 0.7);
        Assert.True(PcmStats.Rms(fastQuiet.Samples) < PcmStats.Rms(slowLoud.Samples) * 0.5);
    }

    [Fact]
    public async Task SynthesizeAsync_OptionLikeAndMarkupText_IsSpoken()
    {
        var audio = await Cli.SynthesizeAsync("--help <break time=\"10s\"/> -v en", "es", Prosody.Neutral, CancellationToken.None);

        Assert.InRange(audio.DurationMs, 500, 9_000);
    }

    [Fact]
    public async Task SynthesizeAsync_ConcurrentCalls_ReturnEachTextsAudio()
    {
        string[] texts = ["Hola.", Spanish, "Uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve y diez."];
        var expected = new List<short[]>();
        foreach (var text in texts)
        {
            expected.Add((await Cli.SynthesizeAsync(text, "es", Prosody.Neutral, CancellationToken.None)).Samples);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 9).Select(async i =>
            (Index: i % 3, Audio: await Cli.SynthesizeAsync(texts[i % 3], "es", Prosody.Neutral, CancellationToken.None))));

        foreach (var (index, audio) in results)
        {
            Assert.Equal(expected[index], audio.Samples);
        }
    }

    [Fact]
    public void Languages_Default_MatchInProcessEngine()
    {
        Assert.Equal(_provider.Espeak().Languages, Cli.Languages);
    }

    public void Dispose() => _provider.Dispose();
}
