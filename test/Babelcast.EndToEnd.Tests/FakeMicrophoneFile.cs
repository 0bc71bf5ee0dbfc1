using System.Buffers.Binary;
using Babelcast.Testing;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// Builds the WAV that Chromium plays as its fake microphone (<c>--use-file-for-fake-audio-capture</c>; it loops):
/// real speech clips separated by 1.5 s of silence, written to a temporary directory at test time, never committed.
/// </summary>
internal static class FakeMicrophoneFile
{
    private const int SampleRate = 16_000;

    /// <summary>Short, well-recognised clips first, so the first phrases arrive within seconds.</summary>
    public static readonly string[] Clips =
    [
        "new-home-in-the-stars-16k.wav",
        "example2.wav",
        "jfk.wav",
        "LJ050-0131_16k.wav",
        "goforward.wav",
    ];

    public static string Create(string directory)
    {
        var samples = new List<short>();
        var silence = new short[SampleRate * 3 / 2];
        samples.AddRange(new short[SampleRate / 2]);
        foreach (var clip in Clips)
        {
            samples.AddRange(Wav.Read16kMono(TestData.SpeechFile(clip)));
            samples.AddRange(silence);
        }

        var path = Path.Combine(directory, "fake-microphone.wav");
        File.WriteAllBytes(path, ToWav(samples.ToArray()));
        return path;
    }

    private static byte[] ToWav(short[] samples)
    {
        var data = samples.Length * 2;
        var bytes = new byte[44 + data];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (i * 2))..], samples[i]);
        }

        return bytes;
    }
}
