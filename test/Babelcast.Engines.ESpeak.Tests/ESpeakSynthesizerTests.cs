using System.Diagnostics;
using Babelcast.Core.Synthesis;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.ESpeak.Tests;

public sealed class ESpeakSynthesizerTests(ITestOutputHelper output) : IDisposable
{
    private const string Spanish = "Hoy oiremos un mensaje sobre la esperanza y el perdón.";
    private const string French = "La conférence continuera après une courte pause pour le déjeuner.";

    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _provider = SynthesizerFixture.Build();

    private ISpeechSynthesizer Synthesizer => _provider.Espeak();

    [Theory]
    [InlineData("es", Spanish)]
    [InlineData("fr", French)]
    [InlineData("gl", "Bo día e benvidos á nosa igrexa.")]
    public async Task SynthesizeAsync_Sentence_ReturnsAudibleSpeech(string language, string text)
    {
        await Synthesizer.SynthesizeAsync("Hola.", "es", Prosody.Neutral, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var audio = await Synthesizer.SynthesizeAsync(text, language, Prosody.Neutral, CancellationToken.None);
        output.WriteLine($"{language}: {audio.DurationMs} ms of audio in {watch.Elapsed.TotalMilliseconds:F1} ms");

        Assert.Equal(22050, audio.SampleRate);
        Assert.InRange(audio.DurationMs, 500, 10_000);
        Assert.True(PcmStats.Rms(audio.Samples) > 500, $"RMS {PcmStats.Rms(audio.Samples):F0} is too quiet");
    }

    [Fact]
    public async Task SynthesizeAsync_FasterRate_ReturnsShorterAudio()
    {
        var fast = await Synthesizer.SynthesizeAsync(Spanish, "es", new Prosody(1.5, 1), CancellationToken.None);
        var slow = await Synthesizer.SynthesizeAsync(Spanish, "es", new Prosody(0.75, 1), CancellationToken.None);

        Assert.True(fast.DurationMs < slow.DurationMs * 0.7, $"fast {fast.DurationMs} ms vs slow {slow.DurationMs} ms");
    }

    [Fact]
    public async Task SynthesizeAsync_LowerVolume_ReturnsLowerRms()
    {
        var quiet = await Synthesizer.SynthesizeAsync(French, "fr", new Prosody(1, 0.3), CancellationToken.None);
        var loud = await Synthesizer.SynthesizeAsync(French, "fr", new Prosody(1, 1.5), CancellationToken.None);

        Assert.True(PcmStats.Rms(quiet.Samples) < PcmStats.Rms(loud.Samples) * 0.5,
            $"quiet RMS {PcmStats.Rms(quiet.Samples):F0} vs loud {PcmStats.Rms(loud.Samples):F0}");
    }

    [Fact]
    public async Task SynthesizeAsync_ConcurrentCalls_MatchSequentialOutput()
    {
        (string Text, string Language)[] cases =
        [
            ("Bon dia i benvingut a la nostra església.", "ca"), (Spanish, "es"), (French, "fr"),
            ("Good morning.", "en"), ("Bona tago kaj bonvenon al nia preĝejo.", "eo"), ("Buongiorno a tutti.", "it"),
        ];
        var expected = new List<short[]>();
        foreach (var (text, language) in cases)
        {
            expected.Add((await Synthesizer.SynthesizeAsync(text, language, Prosody.Neutral, CancellationToken.None)).Samples);
        }

        var jobs = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var (text, language) = cases[i % cases.Length];
            return (Index: i % cases.Length, Audio: await Synthesizer.SynthesizeAsync(text, language, Prosody.Neutral, CancellationToken.None));
        }));

        foreach (var (index, audio) in await Task.WhenAll(jobs))
        {
            AudioAssert.Similar(expected[index], audio.Samples);
        }

        Assert.Equal(cases.Length, expected.Select(e => e.Length).Distinct().Count());
    }

    [Fact]
    public void Languages_Default_ContainsVoicedAndFallbackLanguages()
    {
        var languages = Synthesizer.Languages;

        foreach (var code in new[] { "en", "es", "ca", "fr", "pt", "pt-BR", "it", "eo", "ro", "de", "nl", "gl", "oc", "an", "ast" })
        {
            Assert.Contains(code, languages);
        }
    }

    public void Dispose() => _provider.Dispose();
}
