using Babelcast.Audio.Lame.Native;
using Babelcast.Core.Audio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Audio.Lame;

/// <summary>
/// Mono constant-bit-rate MP3 through libmp3lame. Each call encodes one phrase as a self-contained MP3
/// with its own LAME encoder, so calls on different threads never share native state.
/// </summary>
internal sealed class LameMp3Encoder(IOptions<LameOptions> options, ILogger<LameMp3Encoder> logger) : IAudioEncoder
{
    private static readonly int[] Mp3SampleRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

    private readonly LameOptions _options = options.Value;

    public string Name => "lame";

    public string Format => "mp3";

    public string ContentType => "audio/mpeg";

    public byte[] Encode(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        using var lame = CreateEncoder(sampleRate);

        // lame.h's worst case: 1.25 * samples + 7200 bytes for the encode call, 7200 more for the flush.
        var mp3 = new byte[(int)Math.Min(Array.MaxLength, (long)(1.25 * samples.Length) + (2 * 7200))];
        var length = EncodeInto(lame, samples, mp3);
        if (length < 0)
        {
            Log.EncodeFailed(logger, samples.Length, length);
            throw new InvalidOperationException($"lame_encode_buffer failed ({length}).");
        }

        if (_options.WriteInfoTag && length > 0)
        {
            WriteInfoTag(lame, mp3.AsSpan(0, length));
        }

        Log.Encoded(logger, samples.Length, sampleRate, length);
        return mp3.AsSpan(0, length).ToArray();
    }

    private LameHandle CreateEncoder(int sampleRate)
    {
        var lame = LameNative.Init();
        if (lame.IsInvalid)
        {
            throw new InvalidOperationException("lame_init failed.");
        }

        LameNative.SetInSampleRate(lame, sampleRate);
        if (Array.IndexOf(Mp3SampleRates, sampleRate) >= 0)
        {
            // Keep the rate: LAME would otherwise pick a lower one for low bit rates and resample.
            LameNative.SetOutSampleRate(lame, sampleRate);
        }

        LameNative.SetNumChannels(lame, 1);
        LameNative.SetMode(lame, LameNative.ModeMono);
        LameNative.SetBitrate(lame, _options.Bitrate);
        LameNative.SetQuality(lame, _options.Quality);
        LameNative.SetWriteVbrTag(lame, _options.WriteInfoTag ? 1 : 0);
        var error = LameNative.InitParams(lame);
        if (error < 0)
        {
            lame.Dispose();
            Log.ParametersRejected(logger, error, sampleRate, _options.Bitrate);
            throw new InvalidOperationException($"lame_init_params failed ({error}) for {sampleRate} Hz at {_options.Bitrate} kbit/s.");
        }

        return lame;
    }

    private static unsafe int EncodeInto(LameHandle lame, ReadOnlySpan<short> samples, byte[] mp3)
    {
        fixed (short* pcm = samples)
        fixed (byte* output = mp3)
        {
            // Mono: LAME reads only the left channel.
            var written = LameNative.EncodeBuffer(lame, pcm, null, samples.Length, output, mp3.Length);
            if (written < 0)
            {
                return written;
            }

            var flushed = LameNative.EncodeFlush(lame, output + written, mp3.Length - written);
            return flushed < 0 ? flushed : written + flushed;
        }
    }

    /// <summary>
    /// The first frame is a placeholder for the Info tag; after the flush LAME knows the real frame count,
    /// delay and padding, so write the finished tag over it, as the lame CLI does when it seeks back.
    /// </summary>
    private static unsafe void WriteInfoTag(LameHandle lame, Span<byte> mp3)
    {
        fixed (byte* output = mp3)
        {
            var size = LameNative.GetLameTagFrame(lame, null, 0);
            if (size > 0 && size <= (nuint)mp3.Length)
            {
                LameNative.GetLameTagFrame(lame, output, size);
            }
        }
    }
}
