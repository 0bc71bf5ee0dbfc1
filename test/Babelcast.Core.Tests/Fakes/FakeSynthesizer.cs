using Babelcast.Core.Synthesis;

namespace Babelcast.Core.Tests.Fakes;

internal sealed class FakeSynthesizer(string name, params string[] languages) : ISpeechSynthesizer
{
    public string Name => name;

    public IReadOnlyCollection<string> Languages => languages;

    public ValueTask<SynthesizedAudio> SynthesizeAsync(string text, string language, Prosody prosody, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SynthesizedAudio(new short[160], 16000));
}
