using System.Diagnostics;
using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Bench.Hosting;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// Kills (SIGKILL) the worker owning a live session mid-phrase, then stops (SIGTERM) the worker that took it over,
/// while the speaker keeps talking (the clips on a loop), and times when another node holds the lease and when the
/// speaker's transcript and the listeners' captions resume.
/// </summary>
public sealed class FailoverMeasure(ClusterBackends backends, string prefix, IReadOnlyDictionary<string, ServerProcess> workers, ILogger logger)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public async Task<FailoverRun> RunAsync(BenchOptions options, IBenchServer gateway, ApiClient api, CancellationToken cancellationToken)
    {
        var sessionId = await api.CreateSessionAsync(cancellationToken);
        await using var speaker = await SpeakerClient.ConnectAsync(api.SpeakerUri(sessionId), cancellationToken);
        await speaker.WaitForTypeAsync(MessageTypes.Connected, TimeSpan.FromSeconds(30));
        var listeners = new List<ListenerClient>();
        using var stopStreaming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streaming = Task.CompletedTask;
        var errors = new List<string>();
        try
        {
            foreach (var language in options.Languages)
            {
                listeners.Add(await ListenerClient.ConnectAsync(gateway.WebSocketBase, sessionId, language, detailed: true, cancellationToken));
                await listeners[^1].Joined.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            var program = ClipSet.Program(options);
            streaming = LoopAsync(speaker, program, options.FrameMs, stopStreaming.Token);
            var kill = await TryAsync("SIGKILL", speaker, listeners, sessionId, errors, cancellationToken);
            var stop = await TryAsync("SIGTERM", speaker, listeners, sessionId, errors, cancellationToken);
            await stopStreaming.CancelAsync();
            await streaming.ContinueWith(_ => { }, TaskScheduler.Default);
            var (finals, missing, duplicates) = await DeliveryAsync(speaker, listeners, cancellationToken);
            return new FailoverRun(kill, stop, finals, missing, duplicates, errors);
        }
        finally
        {
            await stopStreaming.CancelAsync();
            await streaming.ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var l in listeners)
            {
                await l.DisposeAsync();
            }

            try
            {
                await api.EndSessionAsync(sessionId, CancellationToken.None);
            }
            catch (HttpRequestException)
            {
            }
        }
    }

    private async Task<FailoverResult?> TryAsync(string signal, SpeakerClient speaker, List<ListenerClient> listeners, string sessionId, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            var result = await MeasureAsync(signal, speaker, listeners, sessionId, cancellationToken);
            Log.StepResult(logger, signal, $"{result.FromNode} -> {result.ToNode}: lease moved {Show(result.LeaseMovedMs)}, next caption {Show(result.FirstCaptionMs)}, next final caption {Show(result.FirstFinalCaptionMs)}");
            return result;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            errors.Add($"{signal}: {ex.Message}");
            Log.StepResult(logger, signal, "failed: " + ex.Message);
            return null;
        }
    }

    private async Task<FailoverResult> MeasureAsync(string signal, SpeakerClient speaker, List<ListenerClient> listeners, string sessionId, CancellationToken cancellationToken)
    {
        // Mid-phrase: a final newer than anything before, then a partial with words of a later phrase.
        var seen = speaker.OfType(MessageTypes.Transcript).Where(m => m.Final).Select(m => m.Seq).DefaultIfEmpty(-1).Max();
        var final = await speaker.WaitForAsync(m => m.Type == MessageTypes.Transcript && m.Final && m.Seq > seen, "a new final transcript", Wait);
        await speaker.WaitForAsync(m => m.Type == MessageTypes.Transcript && !m.Final && m.Seq > final.Seq && m.Text().Length > 0, "a partial transcript", Wait);
        var from = await backends.OwnerAsync(prefix, sessionId) ?? throw new InvalidOperationException("nobody holds the session's lease");
        var owner = workers.TryGetValue(from, out var w) ? w : throw new InvalidOperationException($"the lease holder {from} is not a worker the bench started");

        var signalled = Stopwatch.GetTimestamp();
        var leaseWatch = WatchLeaseAsync(sessionId, from, cancellationToken);
        Task exited;
        if (signal == "SIGKILL")
        {
            owner.Kill();
            exited = Task.CompletedTask;
        }
        else
        {
            exited = owner.TerminateAsync(cancellationToken);
        }

        var exitedAt = await exited.WaitAsync(Wait, cancellationToken).ContinueWith(t => t.IsCompletedSuccessfully ? Stopwatch.GetTimestamp() : (long?)null, TaskScheduler.Default);
        var (to, movedAt) = await leaseWatch;
        if (movedAt is null)
        {
            return new FailoverResult(signal, from, null, null, Ms(signalled, exitedAt), null, FirstCaption(listeners, signalled, any: true), null, null,
                new Dictionary<string, double?>(StringComparer.Ordinal), "no other node took the lease within 60 s");
        }

        // The new owner's output: what arrived after the lease moved.
        var deadline = Stopwatch.GetTimestamp() + (long)(Wait.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline &&
               (FirstTranscript(speaker, movedAt.Value) is null || listeners.Any(l => First(l, movedAt.Value, finalOnly: true) is null)))
        {
            await Task.Delay(20, cancellationToken);
        }

        return new FailoverResult(signal, from, to, Ms(signalled, movedAt), Ms(signalled, exitedAt), Ms(signalled, FirstTranscript(speaker, movedAt.Value)),
            FirstCaption(listeners, signalled, any: true) is { } anyAt ? Ms(signalled, anyAt) : null,
            Slowest(listeners, signalled, movedAt.Value, finalOnly: false), Slowest(listeners, signalled, movedAt.Value, finalOnly: true),
            listeners.ToDictionary(l => l.Language, l => Ms(signalled, First(l, movedAt.Value, finalOnly: false)), StringComparer.Ordinal), null);
    }

    private async Task<(string? Node, long? At)> WatchLeaseAsync(string sessionId, string from, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Wait.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await backends.OwnerAsync(prefix, sessionId) is { } node && node != from)
            {
                return (node, Stopwatch.GetTimestamp());
            }

            await Task.Delay(10, cancellationToken);
        }

        return (null, null);
    }

    private static async Task LoopAsync(SpeakerClient speaker, SpeechProgram program, int frameMs, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await new PacedStreamer(speaker, program, frameMs).StreamAsync(cancellationToken);
        }
    }

    /// <summary>Waits up to 15 s for every final the speaker got to reach every listener; counts what is missing or doubled.</summary>
    private static async Task<(int Finals, int Missing, int Duplicates)> DeliveryAsync(SpeakerClient speaker, List<ListenerClient> listeners, CancellationToken cancellationToken)
    {
        var finals = speaker.OfType(MessageTypes.Transcript).Where(m => m.Final).Select(m => m.Seq).Distinct().ToList();
        int Missing() => listeners.Sum(l => finals.Except(l.Snapshot().Where(a => a.Kind == ArrivalKind.FinalCaption && !a.Replay).Select(a => a.Seq)).Count());
        var deadline = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        while (Missing() > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        var duplicates = listeners.Sum(l =>
        {
            var seqs = l.Snapshot().Where(a => a.Kind == ArrivalKind.FinalCaption && !a.Replay).Select(a => a.Seq).ToList();
            return seqs.Count - seqs.Distinct().Count();
        });
        return (finals.Count, Missing(), duplicates);
    }

    private static long? FirstTranscript(SpeakerClient speaker, long after) =>
        speaker.OfType(MessageTypes.Transcript).Where(m => m.ReceivedTimestamp >= after).Select(m => (long?)m.ReceivedTimestamp).Min();

    private static long? First(ListenerClient listener, long after, bool finalOnly) =>
        listener.Snapshot()
            .Where(a => !a.Replay && a.Timestamp >= after && (a.Kind == ArrivalKind.FinalCaption || (!finalOnly && a.Kind == ArrivalKind.PartialCaption)))
            .Select(a => (long?)a.Timestamp).Min();

    /// <summary>When the last listener got its first caption after <paramref name="after"/>; null if one never did.</summary>
    private static double? Slowest(List<ListenerClient> listeners, long signalled, long after, bool finalOnly)
    {
        var firsts = listeners.Select(l => First(l, after, finalOnly)).ToList();
        return firsts.Any(f => f is null) ? null : Ms(signalled, firsts.Max());
    }

    private static long? FirstCaption(List<ListenerClient> listeners, long signalled, bool any)
    {
        var firsts = listeners.Select(l => First(l, signalled, finalOnly: !any)).ToList();
        return firsts.Any(f => f is null) ? null : firsts.Max();
    }

    private static double? Ms(long from, long? to) => to is { } t ? Math.Round((t - from) * 1000.0 / Stopwatch.Frequency, 1) : null;

    private static string Show(double? ms) => ms is { } v ? $"{v:F0} ms" : "never";
}
