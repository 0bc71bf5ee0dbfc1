using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.CoOperators;

/// <summary>
/// A co-operator at work on the real server with the real engines: its typed line reaches the listeners as a phrase
/// and both control connections as a transcript; its correction replaces the listeners' caption.
/// </summary>
[Collection("real-engines")]
public sealed class CoOperatorConsoleTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task CoOperator_TypesAndCorrects_ListenersGetThePhraseAndTheCorrection_OwnerSeesBoth()
    {
        var (id, owner) = await fixture.StartSpeakerAsync();
        await using var _ = owner;
        var (name, token) = await CoOperatorAccounts.CreateAsync(fixture.Server);
        using (var http = CoOperatorAccounts.Client(fixture.Server, fixture.Token))
        {
            using var invited = await http.PutAsync($"/api/sessions/{id}/operators/{name}", null);
            Assert.Equal(System.Net.HttpStatusCode.Created, invited.StatusCode);
        }

        await using var spanish = await fixture.JoinAsync(id, "es");
        await using var coOperator = await ProtocolClient.ConnectAsync(fixture.Server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}&role=operator"));
        await coOperator.WaitForTypeAsync("connected", Wait);
        await SocketAssert.StatusAsync(coOperator, 0, ("es", 1));

        await coOperator.SendJsonAsync(new { type = "typed", text = "The house is blue." });

        var transcript = await coOperator.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal("The house is blue.", transcript.Text());
        var ownerTranscript = await owner.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal(transcript.Seq, ownerTranscript.Seq);
        var caption = await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == transcript.Seq, Wait);
        Assert.Equal("typed", caption.Text("origin"));

        await coOperator.SendJsonAsync(new { type = "correct", seq = transcript.Seq, text = "The house is green." });

        var corrected = await spanish.WaitForTypeAsync("captionCorrected", Wait);
        Assert.Equal(transcript.Seq, corrected.Seq);
        Assert.Contains("verde", corrected.Text(), StringComparison.OrdinalIgnoreCase);
        await coOperator.WaitForTypeAsync("transcriptCorrected", Wait);
        await owner.WaitForTypeAsync("transcriptCorrected", Wait);

        // An error answers only the connection whose message caused it.
        var ownerMark = SocketAssert.Mark(owner);
        var mark = SocketAssert.Mark(coOperator);
        await coOperator.SendJsonAsync(new { type = "correct", seq = 999_999, text = "no such phrase" });
        await SocketAssert.NextErrorAsync(coOperator, mark, "PHRASE_NOT_CORRECTABLE");
        Assert.DoesNotContain((await SocketAssert.RoundTripAsync(owner, ownerMark)), m => m.Type == "error");
    }

    [Fact]
    public async Task CorrectionsPerMinute_AreTheSessions_OwnerAndCoOperatorShareThem()
    {
        var (id, owner) = await fixture.StartSpeakerAsync();
        await using var _ = owner;
        var (name, token) = await CoOperatorAccounts.CreateAsync(fixture.Server);
        using (var http = CoOperatorAccounts.Client(fixture.Server, fixture.Token))
        {
            using var invited = await http.PutAsync($"/api/sessions/{id}/operators/{name}", null);
            Assert.Equal(System.Net.HttpStatusCode.Created, invited.StatusCode);
        }

        await using var coOperator = await ProtocolClient.ConnectAsync(fixture.Server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}&role=operator"));
        await coOperator.WaitForTypeAsync("connected", Wait);
        await using var spanish = await fixture.JoinAsync(id, "es");
        await SocketAssert.StatusAsync(coOperator, 0, ("es", 1));
        await owner.SendJsonAsync(new { type = "typed", text = "The house is blue." });
        var seq = (await coOperator.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait)).Seq;
        await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == seq, Wait); // stored before it is sent

        // The default allows 10 a minute: 5 from each connection use them all.
        for (var i = 0; i < 5; i++)
        {
            await owner.SendJsonAsync(new { type = "correct", seq, text = $"The house is green {i}." });
            await coOperator.SendJsonAsync(new { type = "correct", seq, text = $"The house is red {i}." });
        }

        await WaitForCountAsync(owner, "transcriptCorrected", 10);
        var mark = SocketAssert.Mark(coOperator);
        await coOperator.SendJsonAsync(new { type = "correct", seq, text = "One too many." });
        var refused = await coOperator.WaitForAsync(m => m.Type == "error", Wait);
        Assert.Equal("CORRECTION_RATE_EXCEEDED", refused.Text("code"));
        Assert.True(SocketAssert.Mark(coOperator) > mark);
        Assert.DoesNotContain(owner.Messages, m => m.Type == "error");
    }

    private static async Task WaitForCountAsync(ProtocolClient client, string type, int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (client.OfType(type).Count() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {client.OfType(type).Count()} {type} of {count}; errors: "
                + string.Join(", ", client.OfType("error").Select(e => e.Text("code") + " " + e.Text("message"))));
            await Task.Delay(100);
        }
    }
}
