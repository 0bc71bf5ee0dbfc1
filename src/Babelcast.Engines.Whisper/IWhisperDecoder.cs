namespace Babelcast.Engines.Whisper;

/// <summary>
/// Decodes a whole stretch of 16 kHz mono audio to text segments (one call, no streaming state). Whisper.net behind it
/// in production; a scripted decoder in unit tests of the scheduling, agreement and gating around it.
/// Thread-safe; the <see cref="DecodeGate"/> bounds how many run at once.
/// </summary>
internal interface IWhisperDecoder
{
    ValueTask<IReadOnlyList<string>> DecodeAsync(ReadOnlyMemory<float> audio, DecodeRequest request, CancellationToken cancellationToken);
}
