using System.Diagnostics;
using Babelcast.Core.Diagnostics;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// Separate Babelcast processes on one private Redis and PostgreSQL: the speaker on gateway A, listeners on gateways A
/// and B, the pipeline on a worker. The worker that owns the session is killed (SIGKILL) mid-phrase, and later the
/// next owner is stopped gracefully (SIGTERM, as a deploy does): captions go on from another worker, and every final
/// phrase reaches every listener exactly once and in order, as the store has it.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(SoloCollection.Name)]
public sealed class ClusterFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WorkerKilledThenWorkerStopped_CaptionsGoOnFromAnotherWorker_EveryFinalPhraseOnceAndInOrderAtEveryListener()
    {
        await cluster.RunAsync(output, ("gateway-a", "gateway"), [("gateway-b", "gateway"), ("worker-c", "worker"), ("worker-d", "worker"), ("worker-e", "worker")], RunScenarioAsync);
    }

    private async Task RunScenarioAsync(Deployment deployment, NodeSet nodes)
    {
        var gatewayA = nodes["gateway-a"];
        var gatewayB = nodes["gateway-b"];
        var token = await ClusterClient.TokenAsync(gatewayA);
        var sessionId = await ClusterClient.CreateSessionAsync(gatewayA, token);

        await using var speaker = await ProtocolClient.ConnectAsync(gatewayA.WebSocketUri($"/ws/speak?sessionId={sessionId}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var es = await ClusterClient.JoinAsync(gatewayA, sessionId, "es");
        await using var fr = await ClusterClient.JoinAsync(gatewayB, sessionId, "fr");

        var clips = TestData.RealClips().Take(8).ToList();
        var audio = clips.SelectMany(c => Wav.Read16kMono(c.File).Concat(new short[16000])).Concat(new short[32000]).ToArray();
        var streaming = speaker.StreamAudioAsync(audio);

        // Mid-phrase: the first phrase is final and the next one has partials.
        var first = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        await speaker.WaitForAsync(m => m.Type == "transcript" && !m.Final && m.Seq > first.Seq && m.Text().Length > 0, Wait);
        var killed = await deployment.OwnerAsync(sessionId) ?? throw new InvalidOperationException("nobody owns the session");
        // The owner shows its load where operators look: /metrics and the readiness output.
        using (var http = new HttpClient { BaseAddress = nodes[killed.Node].BaseUri, Timeout = TimeSpan.FromSeconds(30) })
        {
            var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            Assert.Matches(@"(?m)^babelcast_cluster_sessions_held(\{[^}]*\})? 1$", metrics);
            Assert.Matches(@"(?m)^babelcast_cluster_session_capacity(\{[^}]*\})? [1-9][0-9]*$", metrics);
            var health = await http.GetStringAsync(new Uri("healthz", UriKind.Relative));
            Assert.Contains("\"heldSessions\":1", health, StringComparison.Ordinal);
        }

        var messagesBeforeKill = speaker.Messages.Count;
        var clock = Stopwatch.StartNew();
        nodes[killed.Node].Kill();
        await speaker.WaitForAsync(m => m.Type == "transcript" && speaker.Messages.Take(messagesBeforeKill).All(b => !ReferenceEquals(b, m)), Wait);
        var resumedAfterKill = clock.Elapsed;
        var afterKill = await deployment.OwnerAsync(sessionId) ?? throw new InvalidOperationException("nobody took the session over");
        Assert.NotEqual(killed.Node, afterKill.Node);
        Assert.True(afterKill.Generation > killed.Generation, $"generation {afterKill.Generation} after {killed.Generation}");

        // A deploy: the new owner is stopped while the speaker talks; the last worker takes over at once.
        var next = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Seq > first.Seq, Wait);
        await speaker.WaitForAsync(m => m.Type == "transcript" && !m.Final && m.Seq > next.Seq && m.Text().Length > 0, Wait);
        clock.Restart();
        var stopping = nodes[afterKill.Node].StopAsync(CancellationToken.None);
        (string Node, long Generation)? handedTo = null;
        while (clock.Elapsed < Wait && (handedTo is null || handedTo.Value.Node == afterKill.Node))
        {
            handedTo = await deployment.OwnerAsync(sessionId);
            await Task.Delay(20);
        }

        var handover = clock.Elapsed;
        await stopping;
        Assert.True(handedTo is { } h && h.Node != afterKill.Node && h.Node != killed.Node, $"handed to {handedTo}");

        await streaming;
        await speaker.SendJsonAsync(new { type = "end" });
        await es.WaitForTypeAsync("sessionEnded", Wait);
        await fr.WaitForTypeAsync("sessionEnded", Wait);
        output.WriteLine($"kill -> next transcript {resumedAfterKill.TotalMilliseconds:F0} ms; SIGTERM -> new owner {handover.TotalMilliseconds:F0} ms");

        var stored = await deployment.StoredPhrasesAsync(sessionId);
        Assert.True(stored.Count >= 4, $"{stored.Count} phrases stored");
        foreach (var listener in new[] { es, fr })
        {
            var captions = listener.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList();
            Assert.Equal(stored.Select(p => p.Seq), captions);
        }

        // Nothing delivered twice under another seq: no two stored phrases share four words in a row.
        ClusterClient.AssertNoRepeatedPhrase(stored.Select(p => p.Text).ToList());

        // The phrases around each failover were recognised again from their start, not lost: the whole text holds.
        var reference = string.Join(' ', clips.Select(c => c.Reference));
        var heard = string.Join(' ', stored.Select(p => p.Text));
        var errors = WordErrorRate.Errors(reference, heard);
        output.WriteLine($"WER {errors}/{WordErrorRate.WordCount(reference)}: {heard}");
        Assert.True(errors * 2 < WordErrorRate.WordCount(reference), $"recognised \"{heard}\"");
        Assert.True(resumedAfterKill < TimeSpan.FromSeconds(10), $"captions resumed {resumedAfterKill} after the kill");
        Assert.True(handover < TimeSpan.FromSeconds(5), $"handed over {handover} after SIGTERM");
    }
}
