using Babelcast.Core.Synthesis;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>
/// Makes a 100 ms tone per phrase. The n-th call (from 1) throws where <paramref name="fails"/> says so; with a
/// <paramref name="gate"/>, each call first waits for the gate (a slow engine the test controls).
/// </summary>
internal sealed class ScriptedSynthesizer(Func<int, bool>? fails = null, SemaphoreSlim? gate = null) : ISpeechSynthesizer
{
    private int _calls;

    public string Name => "scripted";

    public IReadOnlyCollection<string> Languages => ["en", "es", "fr"];

    public async ValueTask<SynthesizedAudio> SynthesizeAsync(string text, string language, Prosody prosody, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        if (fails?.Invoke(call) == true)
        {
            throw new InvalidOperationException($"scripted synthesis failure on call {call}");
        }

        var tone = new short[1600];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 16000.0));
        }

        return new SynthesizedAudio(tone, 16000);
    }
}
