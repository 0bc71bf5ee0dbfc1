using System.Net;
using System.Text.Json;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// The database turns read-only, or its disk fills, while a session runs (the real server, engines and SQLite; every
/// write to the real stores fails with SQLITE_READONLY or SQLITE_FULL while the fault is on). "Acknowledged" here: a phrase whose final transcript the
/// speaker got, or whose final caption a listener got; each must be in the stored transcript once storage is back.
/// </summary>
[Collection("real-engines")]
public sealed class StorageFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private static short[] Clip(string name) => Wav.Read16kMono(TestData.SpeechFile(name)).Concat(new short[12000]).ToArray();

    [Theory]
    [InlineData(StorageFault.SqliteReadOnly)]
    [InlineData(StorageFault.SqliteFull)]
    public async Task Session_DatabaseRefusesWritesMidSession_LiveGoesOnSpeakerToldHealthFailsAndNothingAcknowledgedIsLost(int sqliteError)
    {
        var fault = new StorageFault(sqliteError);
        await using var server = await BabelcastTestServer.StartAsync(
            new Dictionary<string, string?> { ["Babelcast:Pipeline:StorageRetryInterval"] = "00:00:00.200" },
            b =>
            {
                b.Host.UseServiceProviderFactory(new FaultInjectingServiceProviderFactory(fault));
                b.Services.AddLogging(l => l.AddFakeLogging());
            });
        var logs = server.Services.GetFakeLogCollector();
        var token = await server.GetTokenAsync();
        var id = await server.CreateSessionAsync(token);
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var es = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/listen?sessionId={id}&targetLanguage=es"));
        await es.WaitForTypeAsync("sessionJoined", Wait);
        await speaker.StreamAudioAsync(Clip("goforward.wav"), realTime: false);
        var beforeFault = await es.WaitForAsync(m => m.Type == "audioData", Wait);

        fault.Failing = true;
        await speaker.StreamAudioAsync(Clip("jfk.wav"), realTime: false);
        var error = await speaker.WaitForAsync(m => m.Type == "error", Wait);
        Assert.Equal(ErrorCodes.StorageUnavailable, error.Text("code"));
        await es.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq > beforeFault.Seq, Wait);
        await es.WaitForAsync(m => m.Type == "audioData" && m.Seq > beforeFault.Seq, Wait);
        await speaker.SendJsonAsync(new { type = "pause" });
        await es.WaitForTypeAsync("broadcastPaused", Wait);
        await speaker.SendJsonAsync(new { type = "resume" });
        await es.WaitForTypeAsync("broadcastResumed", Wait);

        var (status, health) = await HealthAsync(server);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var storage = health.GetProperty("checks").GetProperty("storage");
        Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
        Assert.Contains("writes refused", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Exception is SqliteException { SqliteErrorCode: var code } && code == sqliteError);
        Assert.True(fault.Refused > 0);

        fault.Failing = false;
        await speaker.StreamAudioAsync(Clip("example2.wav"), realTime: false);
        await speaker.SendJsonAsync(new { type = "end" });
        await es.WaitForTypeAsync("sessionEnded", Wait);
        await speaker.WaitForTypeAsync("sessionEnded", Wait);
        var writer = server.Services.GetRequiredService<TranscriptWriter>();
        using (var timeout = new CancellationTokenSource(Wait))
        {
            while (writer.Pending > 0)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(server)).Status);
        var transcripts = server.Services.GetRequiredService<ITranscriptStore>();
        var phrases = (await transcripts.GetPhrasesAsync(id, CancellationToken.None)).Select(p => p.Seq).ToList();
        var spanish = (await transcripts.GetTranslationsAsync(id, "es", 0, 1000, CancellationToken.None)).Select(t => t.Seq).ToList();
        var spoken = speaker.OfType("transcript").Where(t => t.Final).Select(t => t.Seq).ToList();
        var captioned = es.OfType("caption").Where(c => c.Final).Select(c => c.Seq).ToList();
        Assert.Contains(spoken, s => s > beforeFault.Seq);
        Assert.Equal(spoken, phrases);
        Assert.Equal(captioned, spanish);
        Assert.Equal(SessionStatus.Ended, (await server.Services.GetRequiredService<ISessionStore>().GetAsync(id, CancellationToken.None))?.Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(BabelcastTestServer server)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, doc.RootElement.Clone());
    }
}
