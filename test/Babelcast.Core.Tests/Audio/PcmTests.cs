using Babelcast.Core.Audio;
using Babelcast.Testing;

namespace Babelcast.Core.Tests.Audio;

public sealed class PcmTests
{
    [Fact]
    public void FromLittleEndian_KnownBytes_DecodesSignedSamples()
    {
        byte[] bytes = [0x01, 0x00, 0xFF, 0x7F, 0x00, 0x80, 0xFF, 0xFF, 0x34, 0x12];

        Assert.Equal([1, 32767, -32768, -1, 0x1234], Pcm.FromLittleEndian(bytes));
    }

    [Fact]
    public void FromLittleEndian_OddByteCount_IgnoresTrailingByte()
    {
        Assert.Equal([256], Pcm.FromLittleEndian([0x00, 0x01, 0x7F]));
        Assert.Empty(Pcm.FromLittleEndian([0x7F]));
        Assert.Empty(Pcm.FromLittleEndian([]));
    }

    [Fact]
    public void FromLittleEndian_RoundTripOfRealClip_ReturnsSameSamples()
    {
        var samples = Wav.Read16kMono(TestData.SpeechFile("jfk.wav"));

        Assert.Equal(samples, Pcm.FromLittleEndian(Wav.ToBytes(samples)));
    }

    [Fact]
    public void LevelDbfs_EmptyOrDigitalSilence_ReturnsMinus120()
    {
        Assert.Equal(-120, Pcm.LevelDbfs([]));
        Assert.Equal(-120, Pcm.LevelDbfs(new short[320]));
    }

    [Fact]
    public void LevelDbfs_FullScaleSquare_IsAboutZero()
    {
        var square = TestAudio.Clipped(0.02);

        Assert.InRange(Pcm.LevelDbfs(square), -0.01, 0.0);
    }

    [Fact]
    public void LevelDbfs_HalfScaleSine_IsMinus9()
    {
        // A sine's RMS is amplitude / sqrt(2): 20 log10(0.5 / 1.414) = -9.03 dB.
        var sine = PcmStats.Tone(1000, 0.02, 16000, 0.5);

        Assert.InRange(Pcm.LevelDbfs(sine), -9.1, -8.95);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(-30)]
    [InlineData(-50)]
    public void LevelDbfs_WhiteNoise_MatchesGeneratedLevel(double dbfs)
    {
        var noise = TestAudio.WhiteNoise(1, dbfs);

        Assert.InRange(Pcm.LevelDbfs(noise), dbfs - 0.2, dbfs + 0.2);
    }

    [Fact]
    public void LevelDbfs_SmallestNonZeroSignal_IsAboveMinus120()
    {
        var ones = Enumerable.Repeat((short)1, 320).ToArray();

        Assert.InRange(Pcm.LevelDbfs(ones), -90.4, -90.2);
    }

    [Theory]
    [InlineData(320, 20)]
    [InlineData(16000, 1000)]
    [InlineData(1600, 100)]
    [InlineData(15, 0)]
    public void MillisecondsOf_SampleCount_ReturnsDurationAt16k(int samples, int expectedMs)
    {
        Assert.Equal(expectedMs, Pcm.MillisecondsOf(samples));
    }
}
