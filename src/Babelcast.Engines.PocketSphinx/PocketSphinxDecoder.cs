using System.Runtime.InteropServices;
using Babelcast.Engines.PocketSphinx.Native;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// One native decoder (~110 MiB). Not thread-safe: a pool hands it to one user at a time.
/// </summary>
internal sealed unsafe partial class PocketSphinxDecoder : IDisposable
{
    // Creating decoders touches sphinxbase's process-wide state (logging, argument parsing): one at a time.
    private static readonly Lock CreationGate = new();

    /// <summary>Cepstral coefficients per frame of the en-us model (and of every model of this library's defaults).</summary>
    public const int CepstrumLength = 13;

    // sphinxbase 5prealpha's feat_t and cmn_t (x86-64), as its own code reads them (feat_update_stats, cmn_live_set);
    // checked against the cepstrum length before use, so that another layout disables seeding rather than corrupts.
    private const int FeatCepSizeOffset = 0x10;
    private const int FeatCmnOffset = 0x58;
    private const int CmnVectorLengthOffset = 0x1c;

    private readonly DecoderHandle _handle;
    private readonly string _languageModelPath;

    private PocketSphinxDecoder(DecoderHandle handle, string languageModelPath)
    {
        _handle = handle;
        _languageModelPath = languageModelPath;
    }

    public bool InUtterance { get; private set; }

    /// <summary>Creates a decoder from command-line style arguments ("-hmm", path, ...).</summary>
    public static PocketSphinxDecoder Create(IReadOnlyList<string> arguments, string? nativeLogFile)
    {
        lock (CreationGate)
        {
            NativeLogging.EnsureConfigured(nativeLogFile);
            using var config = NativeMethods.cmd_ln_parse_r(IntPtr.Zero, NativeMethods.ps_args(), arguments.Count, [.. arguments], 1);
            if (config.IsInvalid)
            {
                throw new InvalidOperationException($"pocketsphinx rejected the arguments: {string.Join(' ', arguments)}");
            }

            var decoder = NativeMethods.ps_init(config);
            if (decoder.IsInvalid)
            {
                decoder.Dispose();
                throw new InvalidOperationException($"pocketsphinx could not create a decoder (check the model paths): {string.Join(' ', arguments)}");
            }

            var lm = arguments.ToList().IndexOf("-lm");
            return new PocketSphinxDecoder(decoder, lm >= 0 && lm + 1 < arguments.Count ? arguments[lm + 1] : string.Empty);
        }
    }

    public void StartUtterance()
    {
        Check(NativeMethods.ps_start_utt(_handle), "ps_start_utt");
        InUtterance = true;
    }

    /// <summary>Feeds audio to the current utterance; <paramref name="wholeUtterance"/> means this is all of it.</summary>
    public void Process(ReadOnlySpan<short> samples, bool wholeUtterance)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        fixed (short* data = samples)
        {
            Check(NativeMethods.ps_process_raw(_handle, data, (nuint)samples.Length, 0, wholeUtterance ? 1 : 0), "ps_process_raw");
        }
    }

    public void EndUtterance()
    {
        InUtterance = false;
        Check(NativeMethods.ps_end_utt(_handle), "ps_end_utt");
    }

    /// <summary>The current hypothesis, cleaned of fillers; "" when there is none.</summary>
    public string Hypothesis()
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            // The string belongs to the decoder and lives until its next call: copy it while the ref is held.
            var text = Marshal.PtrToStringUTF8(NativeMethods.ps_get_hyp(_handle.DangerousGetHandle(), out _));
            return HypothesisText.Clean(text);
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>Decodes a whole phrase in one call (batch CMN, whole-utterance search) and returns its text.</summary>
    public string DecodeWhole(ReadOnlySpan<short> samples)
    {
        Reset();
        StartUtterance();
        Process(samples, wholeUtterance: true);
        EndUtterance();
        return Hypothesis();
    }

    /// <summary>
    /// Sets the cepstral mean that live normalisation subtracts from the next frames (batch normalisation, a whole
    /// utterance in one call, computes its own). False when the library's structures are not laid out as expected.
    /// </summary>
    public bool TrySetCepstralMean(ReadOnlySpan<float> mean)
    {
        if (mean.Length != CepstrumLength)
        {
            throw new ArgumentException($"A cepstral mean has {CepstrumLength} values.", nameof(mean));
        }

        var cmn = CmnStruct();
        if (cmn == IntPtr.Zero)
        {
            return false;
        }

        fixed (float* values = mean)
        {
            NativeMethods.cmn_live_set(cmn, values);
        }

        return true;
    }

    /// <summary>The cepstral mean live normalisation uses now (it follows the audio decoded so far).</summary>
    public bool TryGetCepstralMean(Span<float> mean)
    {
        var cmn = CmnStruct();
        if (cmn == IntPtr.Zero || mean.Length != CepstrumLength)
        {
            return false;
        }

        fixed (float* values = mean)
        {
            NativeMethods.cmn_live_get(cmn, values);
        }

        return true;
    }

    /// <summary>A front end with this decoder's settings, for computing cepstral means outside the decoder.</summary>
    public CepstralMeanEstimator CreateMeanEstimator()
    {
        lock (CreationGate)
        {
            return CepstralMeanEstimator.Create(NativeMethods.ps_get_config(_handle));
        }
    }

    /// <summary>Leaves any open utterance so that the next user starts clean (live CMN history carries over).</summary>
    public void Reset()
    {
        if (InUtterance)
        {
            EndUtterance();
        }
    }

    public void Dispose() => _handle.Dispose();

    private IntPtr CmnStruct()
    {
        var feat = NativeMethods.ps_get_feat(_handle);
        if (feat == IntPtr.Zero || Marshal.ReadInt32(feat, FeatCepSizeOffset) != CepstrumLength)
        {
            return IntPtr.Zero;
        }

        var cmn = Marshal.ReadIntPtr(feat, FeatCmnOffset);
        return cmn != IntPtr.Zero && Marshal.ReadInt32(cmn, CmnVectorLengthOffset) == CepstrumLength ? cmn : IntPtr.Zero;
    }

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new InvalidOperationException($"{function} failed ({result})");
        }
    }
}
