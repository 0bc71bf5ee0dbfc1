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

    protected override bool ReleaseHandle() => NativeMethods.ps_free(handle) >= 0;
}
