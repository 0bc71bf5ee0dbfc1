using Babelcast.Testing;

namespace Babelcast.Engines.ESpeak.Tests;

internal static class AudioAssert
{
    /// <summary>
    /// Same utterance: espeak-ng carries a little state from one call to the next while the voice stays
    /// loaded, so repeated synthesis of a text varies by some 10-20 ms in length and a little in level.
    /// </summary>
    public static void Similar(short[] expected, short[] actual)
    {
        var tolerance = Math.Max(expected.Length / 50, 22050 / 20);
        Assert.InRange(actual.Length, expected.Length - tolerance, expected.Length + tolerance);
        var ratio = PcmStats.Rms(actual) / PcmStats.Rms(expected);
        Assert.InRange(ratio, 0.85, 1.15);
    }
}
