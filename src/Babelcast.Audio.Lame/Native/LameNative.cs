using System.Runtime.InteropServices;

namespace Babelcast.Audio.Lame.Native;

/// <summary>The subset of lame.h we use (LAME 3.100, Debian libmp3lame0).</summary>
internal static unsafe partial class LameNative
{
    private const string Library = "libmp3lame.so.0";

    public const int ModeMono = 3;

    [LibraryImport(Library, EntryPoint = "lame_init")]
    public static partial LameHandle Init();

    [LibraryImport(Library, EntryPoint = "lame_close")]
    public static partial int Close(IntPtr gfp);

    [LibraryImport(Library, EntryPoint = "lame_set_in_samplerate")]
    public static partial int SetInSampleRate(LameHandle gfp, int rate);

    [LibraryImport(Library, EntryPoint = "lame_set_out_samplerate")]
    public static partial int SetOutSampleRate(LameHandle gfp, int rate);

    [LibraryImport(Library, EntryPoint = "lame_set_num_channels")]
    public static partial int SetNumChannels(LameHandle gfp, int channels);

    [LibraryImport(Library, EntryPoint = "lame_set_mode")]
    public static partial int SetMode(LameHandle gfp, int mode);

    [LibraryImport(Library, EntryPoint = "lame_set_brate")]
    public static partial int SetBitrate(LameHandle gfp, int kbps);

    [LibraryImport(Library, EntryPoint = "lame_set_quality")]
    public static partial int SetQuality(LameHandle gfp, int quality);

    [LibraryImport(Library, EntryPoint = "lame_set_bWriteVbrTag")]
    public static partial int SetWriteVbrTag(LameHandle gfp, int write);

    [LibraryImport(Library, EntryPoint = "lame_init_params")]
    public static partial int InitParams(LameHandle gfp);

    [LibraryImport(Library, EntryPoint = "lame_encode_buffer")]
    public static partial int EncodeBuffer(LameHandle gfp, short* left, short* right, int samples, byte* mp3, int mp3Size);

    [LibraryImport(Library, EntryPoint = "lame_encode_flush")]
    public static partial int EncodeFlush(LameHandle gfp, byte* mp3, int mp3Size);

    [LibraryImport(Library, EntryPoint = "lame_get_lametag_frame")]
    public static partial nuint GetLameTagFrame(LameHandle gfp, byte* buffer, nuint size);
}
