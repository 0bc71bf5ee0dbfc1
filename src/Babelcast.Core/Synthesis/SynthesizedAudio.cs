namespace Babelcast.Core.Synthesis;

/// <summary>Mono PCM16 samples at <see cref="SampleRate"/>.</summary>
public sealed record SynthesizedAudio(short[] Samples, int SampleRate)
{
    public int DurationMs => SampleRate == 0 ? 0 : (int)(Samples.LongLength * 1000 / SampleRate);
}
