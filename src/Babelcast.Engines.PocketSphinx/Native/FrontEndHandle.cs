using Microsoft.Win32.SafeHandles;

namespace Babelcast.Engines.PocketSphinx.Native;

/// <summary>A sphinxbase fe_t (the MFCC front end), freed with fe_free.</summary>
internal sealed class FrontEndHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FrontEndHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => NativeMethods.fe_free(handle) >= 0;
}
