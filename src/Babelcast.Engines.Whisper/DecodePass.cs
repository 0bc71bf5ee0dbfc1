namespace Babelcast.Engines.Whisper;

/// <summary>The decoder settings of one decode.</summary>
internal enum DecodePass
{
    /// <summary>A partial caption: greedy, no temperature fallback, as cheap as a decode gets.</summary>
    Partial = 0,

    /// <summary>A phrase's final text: beam search or greedy with whisper.cpp's temperature fallback.</summary>
    Accurate = 1,

    /// <summary>A phrase's final text while the node sheds load: greedy, no fallback.</summary>
    Reduced = 2,
}
