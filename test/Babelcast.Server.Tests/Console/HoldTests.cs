using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Tests.Pipeline;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Console;

/// <summary>
/// Hold during music on the real server with the real engines: no phrase from the speaker's audio while held, typed
/// lines still go out, listeners are told (late joiners too), the session stays active, only the owner may hold.
/// </summary>
[Collection("real-engines")]
public sealed class HoldTests(LiveSessionFixture fixture) : IClassFixture<LiveSessionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120); // the test machines are shared and loaded

    [Fact]
    public async Task Hold_Speaker_AcknowledgedListenersToldSessionStaysActive_LateJoinerWelcomedHeld()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        Assert.False(spanish.OfType("sessionJoined").Single().Json.GetProperty("held").GetBoolean());

        var marks = (SocketAssert.Mark(speaker), SocketAssert.Mark(spanish));
        await speaker.SendJsonAsync(new { type = "hold" });
        var ack = await SocketAssert.NextAsync(speaker, marks.Item1, "statusChanged");
        Assert.True(ack.Json.GetProperty("held").GetBoolean());
        Assert.Equal("active", ack.Text("status"));
        Assert.Equal(id, (await SocketAssert.NextAsync(spanish, marks.Item2, "broadcastHeld")).Text("sessionId"));

        using var http = Authorised(fixture.Token);
        using (var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/sessions/{id}")))
        {
            Assert.Equal("active", doc.RootElement.GetProperty("status").GetString());
            Assert.True(doc.RootElement.GetProperty("held").GetBoolean());
        }

        await using (var late = await fixture.JoinAsync(id, "ca"))
        {
            var joined = late.OfType("sessionJoined").Single();
            Assert.True(joined.Json.GetProperty("held").GetBoolean());
            Assert.Equal("active", joined.Text("status"));
        }

        marks = (SocketAssert.Mark(speaker), SocketAssert.Mark(spanish));
        await speaker.SendJsonAsync(new { type = "unhold" });
        Assert.False((await SocketAssert.NextAsync(speaker, marks.Item1, "statusChanged")).Json.GetProperty("held").GetBoolean());
        await SocketAssert.NextAsync(spanish, marks.Item2, "broadcastUnheld");
        Assert.DoesNotContain(spanish.Messages, m => m.Type is "broadcastPaused" or "broadcastResumed");
    }

    [Fact]
    public async Task Hold_SpeechWhileHeldMakesNoPhrase_TypedLineStillGoesOut_SpeechAfterUnholdDoes()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        var mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "hold" });
        await SocketAssert.NextAsync(speaker, mark, "statusChanged");

        var (clip, _) = TestData.RealClips().Single(c => c.File.EndsWith("0870.wav", StringComparison.Ordinal));
        var audio = Wav.Read16kMono(clip).Concat(new short[16000]).ToArray();
        await speaker.StreamAudioAsync(audio, realTime: false);
        await speaker.SendJsonAsync(new { type = "typed", text = "The choir sings now." });

        var typed = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final, Wait);
        Assert.Equal("typed", typed.Text("origin"));
        await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == typed.Seq, Wait);
        await SocketAssert.RoundTripAsync(speaker);
        Assert.DoesNotContain(speaker.Messages, m => m.Type == "transcript" && m.Text("origin") != "typed");

        mark = SocketAssert.Mark(speaker);
        await speaker.SendJsonAsync(new { type = "unhold" });
        await SocketAssert.NextAsync(speaker, mark, "statusChanged");
        await speaker.StreamAudioAsync(audio, realTime: false);
        var spoken = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text("origin") != "typed", Wait);
        Assert.True(spoken.Seq > typed.Seq);
    }

    [Fact]
    public async Task Hold_WhileAPhraseIsSpoken_PhraseClosesAndTypedLineStillGoesOut()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");
        var (clip, _) = TestData.RealClips().Single(c => c.File.EndsWith("0870.wav", StringComparison.Ordinal));
        var speech = Wav.Read16kMono(clip);

        // Half the clip, then the hold in the middle of the phrase; the rest of the clip is dropped.
        await speaker.StreamAudioAsync(speech[..(speech.Length / 2)], realTime: false);
        await speaker.SendJsonAsync(new { type = "hold" });
        await speaker.StreamAudioAsync(speech[(speech.Length / 2)..], realTime: false);
        await speaker.SendJsonAsync(new { type = "typed", text = "The choir sings now." });

        var typed = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && m.Text("origin") == "typed", Wait);
        await spanish.WaitForAsync(m => m.Type == "caption" && m.Final && m.Seq == typed.Seq, Wait);
    }

    [Fact]
    public async Task Patch_Held_OwnerHoldsAndReleases_OtherSpeakerForbidden()
    {
        var (id, speaker) = await fixture.StartSpeakerAsync();
        await using var _ = speaker;
        await using var spanish = await fixture.JoinAsync(id, "es");

        using var owner = Authorised(fixture.Token);
        var mark = SocketAssert.Mark(spanish);
        using (var held = await owner.PatchAsJsonAsync($"/api/sessions/{id}", new { held = true }))
        {
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
            Assert.True((await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("held").GetBoolean());
        }

        await SocketAssert.NextAsync(spanish, mark, "broadcastHeld");

        var users = fixture.Server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord("hold-intruder", PasswordHasher.Hash("intruder-password-1"), DateTimeOffset.UnixEpoch), CancellationToken.None);
        using var intruder = Authorised(await fixture.Server.GetTokenAsync("hold-intruder", "intruder-password-1"));
        using (var refused = await intruder.PatchAsJsonAsync($"/api/sessions/{id}", new { held = false }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        mark = SocketAssert.Mark(spanish);
        using (var released = await owner.PatchAsJsonAsync($"/api/sessions/{id}", new { held = false }))
        {
            Assert.False((await released.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("held").GetBoolean());
        }

        await SocketAssert.NextAsync(spanish, mark, "broadcastUnheld");
        Assert.Single(spanish.Messages, m => m.Type == "broadcastHeld");
    }

    private HttpClient Authorised(string token)
    {
        var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }
}
