using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Engines.Whisper.Tests;

/// <summary>
/// A decoder that answers from a script: partial decodes from <see cref="Partials"/> in turn, finals from
/// <see cref="Finals"/>; each call records its request and, with a <see cref="Cost"/>, completes only once the fake
/// clock has moved on that far (a decode that takes that long while audio keeps arriving).
/// </summary>
internal sealed class ScriptedDecoder(FakeTimeProvider? time = null) : IWhisperDecoder
{
    public ConcurrentQueue<string[]> Partials { get; } = new();

    public ConcurrentQueue<string[]> Finals { get; } = new();

    public ConcurrentQueue<(DecodeRequest Request, int Samples)> Calls { get; } = new();

    public TimeSpan Cost { get; set; }

    public int PartialCalls => Calls.Count(c => c.Request.Pass == DecodePass.Partial);

    public int FinalCalls => Calls.Count(c => c.Request.Pass != DecodePass.Partial);

    private DateTimeOffset _dueAt = DateTimeOffset.MinValue;

    /// <summary>Whether the last decode's cost has elapsed on the fake clock (it completes at once then).</summary>
    public bool Due => time is null || time.GetUtcNow() >= _dueAt;

    public async ValueTask<IReadOnlyList<string>> DecodeAsync(ReadOnlyMemory<float> audio, DecodeRequest request, CancellationToken cancellationToken)
    {
        if (Cost > TimeSpan.Zero && time is not null)
        {
            // Recorded only once its timer exists, so that a caller who saw the call may move the clock past it.
            var delay = Task.Delay(Cost, time, cancellationToken);
            _dueAt = time.GetUtcNow() + Cost;
            Calls.Enqueue((request, audio.Length));
            await delay;
        }
        else
        {
            Calls.Enqueue((request, audio.Length));
        }

        var queue = request.Pass == DecodePass.Partial ? Partials : Finals;
        return queue.TryDequeue(out var segments) ? segments : [];
    }
}
