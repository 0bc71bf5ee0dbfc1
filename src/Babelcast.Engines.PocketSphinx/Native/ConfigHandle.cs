using Microsoft.Win32.SafeHandles;

namespace Babelcast.Engines.PocketSphinx.Native;

/// <summary>One reference to a sphinxbase cmd_ln_t (reference counted by the library).</summary>
internal sealed class ConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConfigHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => NativeMethods.cmd_ln_free_r(handle) >= 0;
}
