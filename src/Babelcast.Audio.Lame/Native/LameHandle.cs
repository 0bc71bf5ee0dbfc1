using System.Runtime.InteropServices;

namespace Babelcast.Audio.Lame.Native;

/// <summary>Owns one lame_global_flags; an encoder is used by one thread at a time.</summary>
internal sealed class LameHandle : SafeHandle
{
    public LameHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => LameNative.Close(handle) == 0;
}
