using System.Diagnostics;
using Babelcast.Core.Audio;
using Babelcast.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Babelcast.Audio.Lame.Tests;

public sealed class LameMp3EncoderTests(ITestOutputHelper output) : IDisposable
{
    private const int Rate = 22050;

    private readonly ServiceProvider _provider = EncoderFixture.Build();

    private IAudioEncoder Encoder => _provider.Lame();

    [Fact]
    public void Encode_TwoSecondTone_DecodesToTwoSecondsOfSound()
    {
        var tone = PcmStats.Tone(440, 2.0, Rate);

        var watch = Stopwatch.StartNew();
        var mp3 = Encoder.Encode(tone, Rate);
        output.WriteLine($"{mp3.Length} bytes in {watch.Elapsed.TotalMilliseconds:F1} ms (RTF {watch.Elapsed.TotalSeconds / 2:F4})");

        Assert.True(IsMp3Start(mp3), $"starts with {mp3[0]:X2} {mp3[1]:X2}");
        var decoded = Mp3Decoder.Decode(mp3);
        Assert.Equal(Rate, decoded.SampleRate);
        Assert.Equal(1, decoded.Channels);
        Assert.InRange(decoded.Samples.Length / (double)Rate, 1.9, 2.1);
        Assert.InRange(PcmStats.Rms(decoded.Samples), PcmStats.Rms(tone) * 0.7, PcmStats.Rms(tone) * 1.3);
    }

    [Fact]
    public void Encode_DefaultBitrate_Is32KbpsConstant()
    {
        var mp3 = Encoder.Encode(PcmStats.Tone(440, 4.0, Rate), Rate);

        // 32 kbit/s for 4 s = 16,000 bytes, plus the encoder's delay and the final partial frame (no Info frame: it does not fit).
        Assert.InRange(mp3.Length, 15_500, 17_000);
        Assert.NotEqual("Info"u8.ToArray(), mp3[13..17]);
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(44100)]
    public void Encode_OtherMp3Rates_KeepsTheInputRate(int rate)
    {
        var mp3 = Encoder.Encode(PcmStats.Tone(440, 1.0, rate), rate);

        var decoded = Mp3Decoder.Decode(mp3);
        Assert.Equal(rate, decoded.SampleRate);
        Assert.InRange(decoded.Samples.Length / (double)rate, 0.9, 1.1);
    }

    [Fact]
    public void Encode_EmptyInput_ReturnsPlayableMp3()
    {
        var mp3 = Encoder.Encode([], Rate);

        Assert.True(IsMp3Start(mp3));
        Assert.InRange(Mp3Decoder.Decode(mp3).Samples.Length, 0, Rate / 10);
    }

    [Fact]
    public async Task Encode_ConcurrentCalls_AreIndependent()
    {
        var inputs = Enumerable.Range(1, 6).Select(i => PcmStats.Tone(200 * i, 0.5 * i, Rate)).ToArray();
        var expected = inputs.Select(i => Encoder.Encode(i, Rate)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => (Index: i % 6, Mp3: Encoder.Encode(inputs[i % 6], Rate)))));

        foreach (var (index, mp3) in results)
        {
            Assert.Equal(expected[index], mp3);
        }
    }

    [Fact]
    public void Encode_InfoTagAt56Kbps_DecodesSampleAccurate()
    {
        using var tagged = EncoderFixture.Build(new Dictionary<string, string?> { ["Babelcast:Encoding:Lame:Bitrate"] = "56" });
        var tone = PcmStats.Tone(440, 1.3, Rate);

        var mp3 = tagged.Lame().Encode(tone, Rate);

        Assert.Equal("Info"u8.ToArray(), mp3[13..17]);
        Assert.Equal(tone.Length, Mp3Decoder.Decode(mp3).Samples.Length);
    }

    [Fact]
    public void Encode_InfoTagDisabled_HasNoInfoFrame()
    {
        using var plain = EncoderFixture.Build(new Dictionary<string, string?>
        {
            ["Babelcast:Encoding:Lame:Bitrate"] = "56",
            ["Babelcast:Encoding:Lame:WriteInfoTag"] = "false",
        });

        var mp3 = plain.Lame().Encode(PcmStats.Tone(440, 1.0, Rate), Rate);

        Assert.True(IsMp3Start(mp3));
        Assert.NotEqual("Info"u8.ToArray(), mp3[13..17]);
    }

    [Fact]
    public void AddLameEncoder_InvalidQuality_FailsValidation()
    {
        using var bad = EncoderFixture.Build(new Dictionary<string, string?> { ["Babelcast:Encoding:Lame:Quality"] = "12" });

        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<LameOptions>>().Value);
        Assert.Contains("Quality", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoder_Metadata_DescribesMp3()
    {
        Assert.Equal(("lame", "mp3", "audio/mpeg"), (Encoder.Name, Encoder.Format, Encoder.ContentType));
    }

    public void Dispose() => _provider.Dispose();

    private static bool IsMp3Start(byte[] mp3) =>
        mp3.Length > 3 && ((mp3[0] == 0xFF && (mp3[1] & 0xE0) == 0xE0) || (mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3'));
}
