namespace Babelcast.Core.Synthesis;

/// <summary>
/// How the synthesised voice should sound, derived from the speaker's phrase.
/// <see cref="RateFactor"/> multiplies the voice's normal speaking rate (1 = normal);
/// <see cref="VolumeFactor"/> multiplies its normal loudness (1 = normal).
/// </summary>
public readonly record struct Prosody(double RateFactor, double VolumeFactor)
{
    public static Prosody Neutral => new(1.0, 1.0);
}
