using Microsoft.Win32.SafeHandles;

namespace Babelcast.Engines.PocketSphinx.Native;

/// <summary>
/// A ps_decoder_t. The SafeHandle reference count keeps the decoder alive during a native call even if
/// the owner is disposed concurrently; the decoder is freed once the last call returns.
/// </summary>
internal sealed class DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DecoderHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The glossary searches' copy of the main model (an ngram_model_t reference), or zero.</summary>
    public IntPtr GlossaryMainModel { get; set; }

    // The decoder's searches hold references of their own to the copy: it goes once they are gone.
    protected override bool ReleaseHandle()
    {
        var freed = NativeMethods.ps_free(handle) >= 0;
        if (GlossaryMainModel != IntPtr.Zero)
        {
            NativeMethods.ngram_model_free(GlossaryMainModel);
            GlossaryMainModel = IntPtr.Zero;
        }

        return freed;
    }
}
