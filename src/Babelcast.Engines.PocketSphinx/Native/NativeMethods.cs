using System.Runtime.InteropServices;

namespace Babelcast.Engines.PocketSphinx.Native;

/// <summary>
/// The 2015 "5prealpha" C API of Debian's libpocketsphinx3/libsphinxbase3 (not the 5.0 ps_config API).
/// All handles are opaque; audio is passed as pinned 16 kHz mono PCM16.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const string PocketSphinxLibrary = "libpocketsphinx.so.3";
    public const string SphinxBaseLibrary = "libsphinxbase.so.3";

    /// <summary>Static argument definitions owned by the library; never freed.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_args();

    // cmd_ln_init is C varargs, which .NET cannot call portably, hence the argv form.
    [LibraryImport(SphinxBaseLibrary)]
    public static partial ConfigHandle cmd_ln_parse_r(
        IntPtr inout,
        IntPtr definitions,
        int argc,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] argv,
        int strict);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int cmd_ln_free_r(IntPtr config);

    /// <summary>Creates a decoder; it retains its own reference to the configuration.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial DecoderHandle ps_init(ConfigHandle config);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_free(IntPtr decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_start_utt(DecoderHandle decoder);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_process_raw(DecoderHandle decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinxLibrary)]
    public static partial int ps_end_utt(DecoderHandle decoder);

    /// <summary>Returns decoder-owned UTF-8 valid until the next call on the decoder: copy it, never free it.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_hyp(IntPtr decoder, out int bestScore);

    /// <summary>Replaces the process-wide log sink; a null callback silences sphinxbase entirely.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial void err_set_callback(IntPtr callback, IntPtr userData);

    /// <summary>A null stream disables the FILE* that cmd_ln_parse_r prints its argument table to.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial void err_set_logfp(IntPtr stream);

    [LibraryImport(SphinxBaseLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int err_set_logfile(string path);
}
