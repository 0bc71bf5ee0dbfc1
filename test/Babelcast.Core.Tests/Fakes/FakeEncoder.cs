using Babelcast.Core.Audio;

namespace Babelcast.Core.Tests.Fakes;

internal sealed class FakeEncoder(string name) : IAudioEncoder
{
    public string Name => name;

    public string Format => "raw";

    public string ContentType => "application/octet-stream";

    public byte[] Encode(ReadOnlySpan<short> samples, int sampleRate) => new byte[samples.Length * 2];
}
