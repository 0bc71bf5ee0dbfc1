using Babelcast.Core.Synthesis;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// Speaks every phrase as a long tone (<see cref="Seconds"/> s at 22,050 Hz): a phrase's MP3 is then large enough that
/// a listener who stops reading fills the kernel's socket buffers (megabytes on loopback) within a few phrases.
/// </summary>
internal sealed class LongToneSynthesizer : ISpeechSynthesizer
{
    public const string EngineName = "long-tone";
    private const int Seconds = 40;
    private const int SampleRate = 22050;

    private static readonly short[] Tone = Enumerable.Range(0, Seconds * SampleRate)
        .Select(i => (short)(8000 * Math.Sin(2 * Math.PI * (300 + (i % 7919)) * i / SampleRate)))
        .ToArray();

    public string Name => EngineName;

    public IReadOnlyCollection<string> Languages { get; } = ["ca", "de", "en", "eo", "es", "fr", "it", "pt", "ro"];

    public ValueTask<SynthesizedAudio> SynthesizeAsync(string text, string language, Prosody prosody, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SynthesizedAudio(Tone, SampleRate));
}
