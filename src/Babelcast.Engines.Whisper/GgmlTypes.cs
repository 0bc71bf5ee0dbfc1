namespace Babelcast.Engines.Whisper;

/// <summary>Storage sizes of the ggml tensor types a Whisper model file may hold (ggml's type table).</summary>
internal static class GgmlTypes
{
    /// <summary>Bytes per block of <see cref="BlockSize"/> elements.</summary>
    public static bool TryRowBytes(int type, out int bytesPerBlock)
    {
        bytesPerBlock = type switch
        {
            0 => 4,   // F32
            1 => 2,   // F16
            2 => 18,  // Q4_0
            3 => 20,  // Q4_1
            6 => 22,  // Q5_0
            7 => 24,  // Q5_1
            8 => 34,  // Q8_0
            30 => 2,  // BF16
            _ => 0,
        };
        return bytesPerBlock > 0;
    }

    public static int BlockSize(int type) => type is 0 or 1 or 30 ? 1 : 32;
}
