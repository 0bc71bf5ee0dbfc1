using Babelcast.Core.Synthesis;
using Babelcast.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.ESpeak.Tests;

public sealed class ESpeakSynthesizerEdgeTests : IDisposable
{
    private readonly ServiceProvider _provider = SynthesizerFixture.Build();

    private ISpeechSynthesizer Synthesizer => _provider.Espeak();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SynthesizeAsync_EmptyText_ReturnsEmptyAudio(string text)
    {
        var audio = await Synthesizer.SynthesizeAsync(text, "es", Prosody.Neutral, CancellationToken.None);

        Assert.Empty(audio.Samples);
        Assert.Equal(22050, audio.SampleRate);
    }

    [Fact]
    public async Task SynthesizeAsync_MarkupLikeText_IsReadAsPlainText()
    {
        // Parsed as SSML, the break would add ten seconds of silence and the tags would not be spoken.
        var plain = await Synthesizer.SynthesizeAsync("uno dos", "es", Prosody.Neutral, CancellationToken.None);
        var markup = await Synthesizer.SynthesizeAsync("<speak>uno <break time=\"10s\"/> dos &amp; [[a]]</speak>", "es", Prosody.Neutral, CancellationToken.None);

        Assert.InRange(markup.DurationMs, plain.DurationMs + 300, 9_000);
        Assert.True(PcmStats.Rms(markup.Samples) > 500);
    }

    [Fact]
    public async Task SynthesizeAsync_BrazilianPortuguese_UsesItsOwnVoice()
    {
        const string text = "Bom dia e bem-vindo à nossa igreja.";
        var portugal = await Synthesizer.SynthesizeAsync(text, "pt", Prosody.Neutral, CancellationToken.None);
        var brazil = await Synthesizer.SynthesizeAsync(text, "pt-BR", Prosody.Neutral, CancellationToken.None);
        var region = await Synthesizer.SynthesizeAsync(text, "pt-PT", Prosody.Neutral, CancellationToken.None);

        Assert.NotEqual(portugal.Samples.Length, brazil.Samples.Length);
        AudioAssert.Similar(portugal.Samples, region.Samples);
    }

    [Fact]
    public async Task SynthesizeAsync_UnknownLanguage_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            async () => await Synthesizer.SynthesizeAsync("hello", "xx", Prosody.Neutral, CancellationToken.None));
    }

    [Fact]
    public async Task SynthesizeAsync_CancelledToken_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Synthesizer.SynthesizeAsync("hola", "es", Prosody.Neutral, new CancellationToken(true)));
    }

    [Fact]
    public async Task SynthesizeAsync_EndPauseEnabled_AddsTrailingSilence()
    {
        using var withPause = SynthesizerFixture.Build(new Dictionary<string, string?> { ["Babelcast:Synthesis:ESpeak:EndPause"] = "true" });

        var tight = await Synthesizer.SynthesizeAsync("Hola a todos.", "es", Prosody.Neutral, CancellationToken.None);
        var paused = await withPause.Espeak().SynthesizeAsync("Hola a todos.", "es", Prosody.Neutral, CancellationToken.None);

        Assert.True(paused.DurationMs > tight.DurationMs + 100, $"with pause {paused.DurationMs} ms, without {tight.DurationMs} ms");
    }

    [Fact]
    public void Languages_ConfiguredVoices_AddToDefaultsAndDropMissingVoices()
    {
        using var custom = SynthesizerFixture.Build(new Dictionary<string, string?>
        {
            ["Babelcast:Synthesis:ESpeak:Voices:sc"] = "it",
            ["Babelcast:Synthesis:ESpeak:Voices:xx"] = "no-such-voice",
        });

        var languages = custom.Espeak().Languages;

        Assert.Contains("sc", languages);
        Assert.Contains("es", languages);
        Assert.DoesNotContain("xx", languages);
    }

    [Fact]
    public void AddESpeakSynthesizer_RateOutOfRange_FailsValidation()
    {
        using var bad = SynthesizerFixture.Build(new Dictionary<string, string?> { ["Babelcast:Synthesis:ESpeak:BaseRate"] = "20" });

        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<ESpeakOptions>>().Value);
        Assert.Contains("BaseRate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _provider.Dispose();
}
