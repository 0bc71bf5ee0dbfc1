namespace Babelcast.Core.Audio;

public static class AudioDefaults
{
    /// <summary>The default MP3 bitrate; the duration of stored audio whose first frame cannot be read is estimated with it.</summary>
    public const int Mp3BitrateKbps = 32;
}
