using System.Buffers;

namespace Babelcast.Engines.ESpeak.Native;

/// <summary>Collects the samples espeak-ng delivers for one synthesis call.</summary>
internal sealed class SynthesisBuffer(CancellationToken cancellationToken)
{
    private readonly ArrayBufferWriter<short> _samples = new(22050);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void Append(ReadOnlySpan<short> chunk) => _samples.Write(chunk);

    public short[] ToArray() => _samples.WrittenSpan.ToArray();
}
