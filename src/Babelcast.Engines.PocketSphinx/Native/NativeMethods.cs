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

    /// <summary>ngram_model_read's file type: from the file's contents.</summary>
    public const int NgramAuto = 0;

    /// <summary>ngram_model_read's file type: ARPA text.</summary>
    public const int NgramArpa = 1;

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

    /// <summary>The decoder's configuration, borrowed (valid while the decoder lives; not retained).</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_config(DecoderHandle decoder);

    /// <summary>The decoder's feature computation (feat_t), borrowed.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_feat(DecoderHandle decoder);

    /// <summary>Creates a front end (fe_t) from a configuration, which it retains.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial FrontEndHandle fe_init_auto_r(IntPtr config);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int fe_free(IntPtr frontEnd);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int fe_start_utt(FrontEndHandle frontEnd);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int fe_get_output_size(FrontEndHandle frontEnd);

    /// <summary>
    /// Turns samples into cepstra; advances the sample pointer and count, and sets the frame count to the frames
    /// written (at most the count given in). mfcc_t is float in Debian's build.
    /// </summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial int fe_process_frames(FrontEndHandle frontEnd, short** samples, nuint* sampleCount, float** cepstra, int* frameCount, int* frameIndex);

    /// <summary>Sets the live cepstral mean of a cmn_t (and its history to 500 frames of that mean).</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial void cmn_live_set(IntPtr cmn, float* mean);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial void cmn_live_get(IntPtr cmn, float* mean);

    /// <summary>Replaces the process-wide log sink; a null callback silences sphinxbase entirely.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial void err_set_callback(IntPtr callback, IntPtr userData);

    /// <summary>A null stream disables the FILE* that cmd_ln_parse_r prints its argument table to.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial void err_set_logfp(IntPtr stream);

    [LibraryImport(SphinxBaseLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int err_set_logfile(string path);

    // Glossaries: dictionary words and language-model searches added at run time.

    /// <summary>Adds a word (phones in the acoustic model's set, space-separated) to the dictionary and every n-gram search; -1 on failure.</summary>
    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_add_word(DecoderHandle decoder, string word, string phones, int update);

    /// <summary>The word's pronunciation, allocated by the library (free with ckd_free), or null when it is not in the dictionary.</summary>
    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ps_lookup_word(DecoderHandle decoder, string word);

    /// <summary>Adds (or replaces) a named n-gram search over <paramref name="lm"/>, which it retains.</summary>
    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_lm(DecoderHandle decoder, string name, IntPtr lm);

    /// <summary>Makes a named search the active one; only between utterances.</summary>
    [LibraryImport(PocketSphinxLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_search(DecoderHandle decoder, string name);

    /// <summary>The decoder's log-math table, borrowed.</summary>
    [LibraryImport(PocketSphinxLibrary)]
    public static partial IntPtr ps_get_logmath(DecoderHandle decoder);

    /// <summary>Reads a language model with a configuration's -lw/-wip; null on failure.</summary>
    [LibraryImport(SphinxBaseLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ngram_model_read(IntPtr config, string path, int fileType, IntPtr logmath);

    /// <summary>Interpolates models with linear weights; the set takes a reference of its own to each model.</summary>
    [LibraryImport(SphinxBaseLibrary)]
    public static partial IntPtr ngram_model_set_init(
        IntPtr config,
        IntPtr* models,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] names,
        float* weights,
        int count);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial int ngram_model_free(IntPtr model);

    [LibraryImport(SphinxBaseLibrary)]
    public static partial void ckd_free(IntPtr pointer);
}
