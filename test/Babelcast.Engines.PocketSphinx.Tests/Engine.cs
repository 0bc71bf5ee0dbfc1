using Babelcast.Core.Recognition;
using Babelcast.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>Creates real factories and feeds clips the way the session pipeline does.</summary>
internal static class Engine
{
    public const int ChunkSamples = 1600; // 100 ms at 16 kHz

    public static PocketSphinxRecognizerFactory CreateFactory(Action<PocketSphinxOptions>? configure = null, ILogger<PocketSphinxRecognizerFactory>? logger = null)
    {
        var options = new PocketSphinxOptions { MaxStreamingDecoders = 2, FinalDecoders = 2 };
        configure?.Invoke(options);
        return new PocketSphinxRecognizerFactory(Options.Create(options), logger ?? NullLogger<PocketSphinxRecognizerFactory>.Instance, TimeProvider.System);
    }

    public static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name));

    /// <summary>Feeds one utterance in 100 ms chunks; returns the partials and the final text.</summary>
    public static async Task<(List<string> Partials, string Final)> RecognizeAsync(ISpeechRecognizer recognizer, short[] samples)
    {
        var partials = new List<string>();
        recognizer.StartUtterance();
        for (var offset = 0; offset < samples.Length; offset += ChunkSamples)
        {
            var count = Math.Min(ChunkSamples, samples.Length - offset);
            partials.Add(recognizer.ProcessChunk(samples.AsSpan(offset, count)));
        }

        var final = await recognizer.EndUtteranceAsync(samples, CancellationToken.None);
        return (partials, final);
    }
}
