namespace Babelcast.Server.Streaming;

/// <summary>
/// What must stay the same from frame to frame for MP3 frames to be concatenated into one stream: MPEG version,
/// sample rate, channel mode and bit rate (taken from a frame header).
/// </summary>
internal sealed record Mp3Format(int Version, int SampleRate, int ChannelMode, int BitrateKbps, int SamplesPerFrame)
{
    public double FrameSeconds => SamplesPerFrame / (double)SampleRate;

    public bool IsMono => ChannelMode == 3;
}
