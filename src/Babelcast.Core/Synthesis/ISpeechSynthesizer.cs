namespace Babelcast.Core.Synthesis;

/// <summary>A speech synthesis engine, chosen by <see cref="Name"/> in configuration. Thread-safe.</summary>
public interface ISpeechSynthesizer
{
    string Name { get; }

    /// <summary>Language codes that have a voice.</summary>
    IReadOnlyCollection<string> Languages { get; }

    ValueTask<SynthesizedAudio> SynthesizeAsync(string text, string language, Prosody prosody, CancellationToken cancellationToken);
}
