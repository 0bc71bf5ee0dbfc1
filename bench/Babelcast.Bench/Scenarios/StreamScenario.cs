using System.Diagnostics;
using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Bench.Hosting;
using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// Scenario 4: the endless MP3 stream beside the WebSocket. One speaker, one WebSocket listener and N stream listeners of
/// one language (one of them walks the frames). Measures the stream's extra delay over the WebSocket audio, the bytes a
/// stream listener receives per second, and the server CPU that N stream listeners cost (idle with and without them).
/// </summary>
public static class StreamScenario
{
    public static async Task<BenchOutcome> RunAsync(BenchOptions options, MachineInfo machine, ILogger logger, CancellationToken cancellationToken)
    {
        var count = options.Smoke ? 10 : 100;
        var language = options.Languages[0];
        var idle = TimeSpan.FromSeconds(options.Smoke ? 3 : 15);
        await using var server = await BenchRunner.StartServerAsync(options, count + 10, logger, cancellationToken);
        using var api = new ApiClient(server);
        await api.LoginAsync(cancellationToken);
        var sessionId = await api.CreateSessionAsync(cancellationToken);
        await using var speaker = await SpeakerClient.ConnectAsync(api.SpeakerUri(sessionId), cancellationToken);
        await speaker.WaitForTypeAsync(MessageTypes.Connected, TimeSpan.FromSeconds(30));
        await using var ws = await ListenerClient.ConnectAsync(server.WebSocketBase, sessionId, language, false, cancellationToken);
        await ws.Joined;
        await new PacedStreamer(speaker, ClipSet.Warmup(options), options.FrameMs).StreamAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);

        await using var sampler = new ResourceSampler(server.ProcessId);
        await Task.Delay(idle, cancellationToken);
        var withoutStreams = sampler.Read();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = count + 10 };
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        // The measuring client joins last, as a listener joins a room where the others already listen.
        var streams = Enumerable.Range(1, count - 1).Select(_ => StreamClient.Start(http, server.BaseUri, sessionId, language, measure: false)).ToList();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            streams.InsertRange(0, Enumerable.Range(0, 1).Select(_ => StreamClient.Start(http, server.BaseUri, sessionId, language, measure: true)));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var opened = Stopwatch.GetTimestamp();
            sampler.Mark();
            await Task.Delay(idle, cancellationToken);
            var withStreams = sampler.Read();

            var program = ClipSet.Program(options);
            Log.Streaming(logger, program.Clips.Count, program.DurationSeconds, 1);
            sampler.Mark();
            await new PacedStreamer(speaker, program, options.FrameMs).StreamAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 6 : 10), cancellationToken);
            var speech = sampler.Read();

            var measured = streams[0];
            var wsAudio = ws.Snapshot().Where(a => a.Kind == ArrivalKind.AudioData && !a.Replay && a.Timestamp > opened).Select(a => a.Timestamp).ToList();
            var (arrivalMs, playbackMs) = Delays(wsAudio, measured);
            var (arrival, playback) = (Stats.Of(arrivalMs), Stats.Of(playbackMs));
            var seconds = Stopwatch.GetElapsedTime(measured.FirstByteTimestamp, measured.LastByteTimestamp).TotalSeconds;
            var bytesPerSecond = measured.Bytes / Math.Max(1, seconds);
            var cost = withStreams.CpuCores - withoutStreams.CpuCores;
            var result = new StreamResult("stream", options.Smoke, BenchRunner.CommandLine(options), machine.WithEnd(), server.Isolated, language,
                count, streams.Count(s => s.Failed), wsAudio.Count, arrival, playback, Math.Round(bytesPerSecond), Math.Round(measured.Position / Math.Max(1, seconds), 4),
                withoutStreams, withStreams, speech, Math.Round(cost, 4), Targets(playback));
            Log.StepResult(logger, "stream", $"extra delay (playback) {playback.Brief()}; (arrival) {arrival.Brief()}; {bytesPerSecond:F0} B/s per listener; {count} streams cost {cost:F3} cores idle");
            var svg = SvgChart.Cdf("MP3 stream: extra delay over the WebSocket audio", "milliseconds after the phrase's audio reached the WebSocket listener",
                [new ChartSeries("first non-silent byte on the stream", arrivalMs), new ChartSeries("played (player started at the first byte)", playbackMs)],
                [("bar 1500", 1500)]);
            var markdown = StreamReport.Render(result, ReportFiles.SvgName(options, "delay"));
            var outcome = await ReportFiles.WriteAsync(options, result, markdown, new Dictionary<string, string> { ["delay"] = svg }, cancellationToken);
            Log.Wrote(logger, outcome.JsonPath, outcome.MarkdownPath);
            return outcome;
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Pairs each phrase that starts after silence on the stream with the newest WebSocket audio that arrived before it
    /// (phrases queued back to back on the stream run together and are not measured).
    /// </summary>
    private static (List<double> Arrival, List<double> Playback) Delays(List<long> wsAudio, StreamClient stream)
    {
        var arrival = new List<double>();
        var playback = new List<double>();
        var used = -1;
        foreach (var (timestamp, position) in stream.Phrases())
        {
            var match = wsAudio.FindLastIndex(t => t <= timestamp);
            if (match <= used || match < 0)
            {
                continue;
            }

            used = match;
            var ws = wsAudio[match];
            arrival.Add(Stopwatch.GetElapsedTime(ws, timestamp).TotalMilliseconds);
            var heard = stream.FirstByteTimestamp + (long)(position * Stopwatch.Frequency);
            playback.Add(Stopwatch.GetElapsedTime(ws, heard).TotalMilliseconds);
        }

        return (arrival, playback);
    }

    public static List<TargetCheck> Targets(Stats playback) =>
    [
        new("Stream extra delay over WebSocket audio (playback), p50", "< 1500 ms", Markdown.Ms(playback.P50), playback.Count > 0 && playback.P50 < 1500),
        new("Stream extra delay over WebSocket audio (playback), p95", "< 1500 ms", Markdown.Ms(playback.P95), playback.Count > 0 && playback.P95 < 1500),
    ];
}
