using System.Net.WebSockets;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.CoOperators;

/// <summary>
/// A co-operator's control connection (<c>/ws/speak?role=operator</c>) on the real server: admitted beside the owner
/// without replacing it, no audio, no pause, holds for everyone, closed at once when revoked.
/// </summary>
[Collection(WebSocketServerCollection.Name)]
public sealed class CoOperatorConnectionTests(WebSocketServerFixture fx)
{
    private async Task<(string Id, ProtocolClient Owner, string Name, string Token)> InvitedAsync()
    {
        var (id, owner) = await fx.StartSessionAsync();
        var (name, token) = await CoOperatorAccounts.CreateAsync(fx.Server);
        using var http = fx.OwnerClient();
        using var invited = await http.PutAsync($"/api/sessions/{id}/operators/{name}", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, invited.StatusCode);
        return (id, owner, name, token);
    }

    private async Task<ProtocolClient> OperateAsync(string id, string token)
    {
        var client = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={token}&role=operator");
        var connected = await client.WaitForTypeAsync("connected", Waits.Long);
        Assert.Equal("operator", connected.Text("role"));
        return client;
    }

    [Fact]
    public async Task Operator_Connects_OwnerNotReplaced_BothGetStatusAndHoldFromEither()
    {
        var (id, owner, _, token) = await InvitedAsync();
        await using var _ = owner;
        await using var listener = await fx.ListenSettledAsync(id);
        var ownerMark = SocketAssert.Mark(owner);

        await using var coOperator = await OperateAsync(id, token);
        await coOperator.WaitForTypeAsync("sessionStatus", Waits.Long);

        await coOperator.SendJsonAsync(new { type = "hold" });

        var held = await SocketAssert.NextAsync(owner, ownerMark, m => m.Type == "statusChanged" && m.Json.GetProperty("held").GetBoolean());
        await coOperator.WaitForAsync(m => m.Type == "statusChanged" && m.Json.GetProperty("held").GetBoolean(), Waits.Long);
        await listener.WaitForAsync(m => m.Type == "broadcastHeld", Waits.Long);
        Assert.DoesNotContain(owner.Messages, m => m.Type == "error");
        await SocketAssert.RoundTripAsync(owner); // the owner's connection is still the speaker's
        Assert.NotNull(held);
    }

    [Fact]
    public async Task Operator_PauseMuteEndAndAudio_RefusedAndNothingHappens()
    {
        var (id, owner, _, token) = await InvitedAsync();
        await using var _ = owner;
        await using var coOperator = await OperateAsync(id, token);

        foreach (var type in new[] { "pause", "mute", "end" })
        {
            var mark = SocketAssert.Mark(coOperator);
            await coOperator.SendJsonAsync(new { type });
            await SocketAssert.NextErrorAsync(coOperator, mark, "FORBIDDEN");
        }

        var audioMark = SocketAssert.Mark(coOperator);
        await Waits.SendBinaryAsync(coOperator, new byte[3200]);
        await SocketAssert.NextErrorAsync(coOperator, audioMark, "AUDIO_NOT_ALLOWED");

        using var http = fx.OwnerClient();
        using var view = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}"));
        Assert.Equal("active", view.RootElement.GetProperty("status").GetString());
        Assert.False(view.RootElement.GetProperty("muted").GetBoolean());
        Assert.DoesNotContain(owner.Messages, m => m.Type is "error" or "sessionEnded" || (m.Type == "statusChanged" && m.Text("status") != "active"));
    }

    [Fact]
    public async Task Operator_Revoked_GetsOperatorRevokedAndIsClosed_OwnerGoesOn()
    {
        var (id, owner, name, token) = await InvitedAsync();
        await using var _ = owner;
        await using var coOperator = await OperateAsync(id, token);
        var mark = SocketAssert.Mark(coOperator);

        using var http = fx.OwnerClient();
        using var revoked = await http.DeleteAsync($"/api/sessions/{id}/operators/{name}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, revoked.StatusCode);

        await SocketAssert.NextErrorAsync(coOperator, mark, "OPERATOR_REVOKED");
        await coOperator.WaitForCloseAsync(Waits.Long);
        Assert.NotEqual(WebSocketState.Open, coOperator.State);
        await SocketAssert.RoundTripAsync(owner);

        // Connecting again is refused now.
        await using var again = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={token}&role=operator");
        await SocketAssert.RefusedAsync(again, "FORBIDDEN");
    }

    [Fact]
    public async Task NotInvited_RefusedForbidden_AsOperatorAndAsSpeaker()
    {
        var (id, owner) = await fx.StartSessionAsync();
        await using var _ = owner;

        await using var asOperator = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OtherToken}&role=operator");
        await SocketAssert.RefusedAsync(asOperator, "FORBIDDEN");
        await using var asSpeaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OtherToken}");
        await SocketAssert.RefusedAsync(asSpeaker, "FORBIDDEN");
        await using var badRole = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={fx.OwnerToken}&role=boss");
        await SocketAssert.RefusedAsync(badRole, "INVALID_MESSAGE");
        await SocketAssert.RoundTripAsync(owner);
    }

    [Fact]
    public async Task Invited_ConnectingWithoutRole_IsNotTheSpeaker()
    {
        var (id, owner, _, token) = await InvitedAsync();
        await using var _ = owner;

        await using var asSpeaker = await fx.ConnectAsync($"/ws/speak?sessionId={id}&token={token}");
        await SocketAssert.RefusedAsync(asSpeaker, "FORBIDDEN");
        Assert.DoesNotContain(owner.Messages, m => m.Type == "error");
    }

    [Fact]
    public async Task SessionEnded_OperatorGetsSessionEndedAndIsClosed()
    {
        var (id, owner, _, token) = await InvitedAsync();
        await using var _ = owner;
        await using var coOperator = await OperateAsync(id, token);

        await owner.SendJsonAsync(new { type = "end" });

        var ended = await coOperator.WaitForTypeAsync("sessionEnded", Waits.Long);
        Assert.Equal(id, ended.Text("sessionId"));
        await coOperator.WaitForCloseAsync(Waits.Long);
    }
}
