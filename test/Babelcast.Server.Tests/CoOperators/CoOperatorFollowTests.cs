using System.Net;
using System.Net.Http.Json;
using Babelcast.Server.Tests.Pipeline;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.CoOperators;

/// <summary>A co-operator turns "follow the speaker" on: every control connection of the session shows the same state.</summary>
[Collection("real-engines")]
public sealed class CoOperatorFollowTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CoOperatorFollow_OwnerAndCoOperatorBothGetTheStatus()
    {
        var (id, owner) = await fixture.StartSpeakerAsync();
        await using var _ = owner;
        var (name, token) = await CoOperatorAccounts.CreateAsync(fixture.Server);
        using (var http = CoOperatorAccounts.Client(fixture.Server, fixture.Token))
        {
            using var invited = await http.PutAsync($"/api/sessions/{id}/operators/{name}", null);
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        using (var http = CoOperatorAccounts.Client(fixture.Server, token))
        {
            using var loaded = await http.PostAsJsonAsync($"/api/sessions/{id}/script", new { text = "One line.\nAnother line." });
            Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        }

        await using var coOperator = await ProtocolClient.ConnectAsync(fixture.Server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}&role=operator"));
        await coOperator.WaitForTypeAsync("connected", Wait);

        await coOperator.SendJsonAsync(new { type = "follow", on = true });

        var mine = await coOperator.WaitForAsync(m => m.Type == "followStatus", Wait);
        var owners = await owner.WaitForAsync(m => m.Type == "followStatus", Wait);
        Assert.True(mine.Json.GetProperty("on").GetBoolean());
        Assert.True(owners.Json.GetProperty("on").GetBoolean());
        Assert.Equal(0, owners.Json.GetProperty("next").GetInt32());
    }
}
