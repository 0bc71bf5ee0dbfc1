namespace Babelcast.Core.Audio;

/// <summary>Encodes mono PCM16 into a compressed format that browsers decode (e.g. MP3). Thread-safe.</summary>
public interface IAudioEncoder
{
    string Name { get; }

    /// <summary>The format name sent to listeners, e.g. "mp3".</summary>
    string Format { get; }

    string ContentType { get; }

    byte[] Encode(ReadOnlySpan<short> samples, int sampleRate);
}
