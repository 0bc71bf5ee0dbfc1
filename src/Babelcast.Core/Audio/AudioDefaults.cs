namespace Babelcast.Core.Audio;

public static class AudioDefaults
{
    /// <summary>The default MP3 bitrate; used to estimate a stored phrase's duration from its size.</summary>
    public const int Mp3BitrateKbps = 56;
}
