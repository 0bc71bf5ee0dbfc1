using System.Net;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.CoOperators;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>
/// A co-operator on another node (two in-process servers on one Redis and one PostgreSQL schema): the owner speaks on
/// gateway A, the co-operator's console is on node B (role all, the pipeline). What goes "to the speaker" reaches both
/// nodes' control connections; a revocation made on A closes the console on B through the bus.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(SoloCollection.Name)]
public sealed class ClusterCoOperatorTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CoOperatorOnAnotherNode_TypesAndCorrects_OwnerSeesBoth_RevocationOnTheOwnersNodeClosesIt()
    {
        var deployment = await cluster.NewDeployment();
        var settings = deployment.Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        await using var a = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings)
        {
            ["Babelcast:Cluster:NodeId"] = "node-a",
            ["Babelcast:Cluster:Role"] = "gateway",
        });
        await using var b = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>(settings)
        {
            ["Babelcast:Cluster:NodeId"] = "node-b",
            ["Babelcast:Cluster:Role"] = "all",
        });
        var token = await a.GetTokenAsync(password: ClusterFixture.AdminPassword);
        var users = b.Services.GetRequiredService<IUserStore>();
        Assert.True(await users.TryCreateAsync(new UserRecord("desk", PasswordHasher.Hash(CoOperatorAccounts.Password), DateTimeOffset.UnixEpoch), CancellationToken.None));
        var deskToken = await b.GetTokenAsync("desk", CoOperatorAccounts.Password);
        var id = await a.CreateSessionAsync(token);
        using var ownerHttp = CoOperatorAccounts.Client(a, token);
        using (var invited = await ownerHttp.PutAsync($"/api/sessions/{id}/operators/desk", null))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        await using var owner = await ConnectAsync(a, $"/ws/speak?sessionId={id}&token={token}");
        await using var listener = await ConnectAsync(a, $"/ws/listen?sessionId={id}&targetLanguage=es");
        await using var desk = await ConnectAsync(b, $"/ws/speak?sessionId={id}&token={deskToken}&role=operator");

        await desk.SendJsonAsync(new { type = "typed", text = "The house is blue." });
        var typed = await desk.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal(typed.Seq, (await owner.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait)).Seq);
        await listener.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == typed.Seq, Wait);

        await desk.SendJsonAsync(new { type = "correct", seq = typed.Seq, text = "The house is green." });
        Assert.Equal("The house is green.", (await owner.WaitForTypeAsync("transcriptCorrected", Wait)).Text());
        await desk.WaitForTypeAsync("transcriptCorrected", Wait);
        Assert.Contains("verde", (await listener.WaitForTypeAsync("captionCorrected", Wait)).Text(), StringComparison.OrdinalIgnoreCase);

        var mark = SocketAssert.Mark(desk);
        using (var revoked = await ownerHttp.DeleteAsync($"/api/sessions/{id}/operators/desk"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        await SocketAssert.NextErrorAsync(desk, mark, "OPERATOR_REVOKED");
        await desk.WaitForCloseAsync(Wait);
        await SocketAssert.RoundTripAsync(owner);
    }

    private static async Task<ProtocolClient> ConnectAsync(BabelcastTestServer server, string pathAndQuery)
    {
        var client = await Waits.ConnectAsync(server.WebSocketUri(pathAndQuery));
        var first = await client.WaitForAsync(m => m.Type is "connected" or "sessionJoined" or "error", Wait);
        Assert.NotEqual("error", first.Type);
        return client;
    }
}
