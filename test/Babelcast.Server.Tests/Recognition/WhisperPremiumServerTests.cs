using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using Babelcast.Testing.Whisper;

namespace Babelcast.Server.Tests.Recognition;

/// <summary>
/// Whisper as the premium tier's recogniser only (Babelcast:Engines:Premium:Recognition=whisper, the standard tier on
/// PocketSphinx), on a generated tiny ggml model: a premium session's phrases are decoded by whisper.cpp (the model's
/// nonsense vocabulary, "w123", proves which engine spoke) while a standard session on the same server gets English
/// from PocketSphinx; with the model unusable the premium tier is refused, never silently standard.
/// </summary>
[Collection("real-engines")]
public sealed class WhisperPremiumServerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "babelcast-whisper-premium-" + Guid.NewGuid().ToString("N"));
    private readonly string _model;

    public WhisperPremiumServerTests()
    {
        Directory.CreateDirectory(_directory);
        _model = Path.Combine(_directory, "ggml-generated.bin");
        TinyWhisperModel.Write(_model);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Dictionary<string, string?> Settings(string model, bool required = true) => new()
    {
        ["Babelcast:Engines:Premium:Recognition"] = "whisper",
        ["Babelcast:Recognition:Whisper:ModelPath"] = model,
        ["Babelcast:Recognition:Whisper:RequireModel"] = required ? "true" : "false",
        ["Babelcast:Recognition:Whisper:PartialIntervalMs"] = "500",
    };

    [Fact]
    public async Task PremiumSession_RecognisedByWhisper_StandardSessionByPocketSphinx()
    {
        await using var server = await BabelcastTestServer.StartAsync(Settings(_model));
        var token = await server.GetTokenAsync();
        using var client = Client(server, token);
        var premium = await client.GetFromJsonAsync<JsonElement>("/api/languages");
        Assert.Equal("whisper", premium.GetProperty("qualityTiers").GetProperty("premium").GetProperty("recognition").GetString());
        Assert.True(premium.GetProperty("qualityTiers").GetProperty("premium").GetProperty("available").GetBoolean());

        var speech = (short[])[.. Wav.Read16kMono(TestData.SpeechFile("jfk.wav")), .. new short[16_000 * 2]];
        var premiumText = await FinalTranscriptAsync(server, client, token, "premium", speech, _ => true);
        var standardText = await FinalTranscriptAsync(server, client, token, "standard", speech, t => t.Contains("country", StringComparison.OrdinalIgnoreCase));

        Assert.Matches(@"w\d+", premiumText);
        Assert.DoesNotMatch(@"w\d+", standardText);
    }

    [Fact]
    public async Task PremiumRecognizerUnusable_PremiumRefusedOnCreateAndPatch_LanguagesSayWhy()
    {
        var truncated = Path.Combine(_directory, "ggml-truncated.bin");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(_model))[..1000]);
        await using var server = await BabelcastTestServer.StartAsync(Settings(truncated, required: false));
        var token = await server.GetTokenAsync();
        using var client = Client(server, token);

        var languages = await client.GetFromJsonAsync<JsonElement>("/api/languages");
        var premium = languages.GetProperty("qualityTiers").GetProperty("premium");
        Assert.False(premium.GetProperty("available").GetBoolean());
        Assert.Contains("whisper", premium.GetProperty("unavailableReason").GetString(), StringComparison.Ordinal);
        Assert.True(languages.GetProperty("qualityTiers").GetProperty("standard").GetProperty("available").GetBoolean());

        using var create = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en", qualityTier = "premium" });
        await AssertRefusedAsync(create);

        var id = await server.CreateSessionAsync(token);
        using var patch = await client.PatchAsJsonAsync($"/api/sessions/{id}", new { qualityTier = "premium" });
        await AssertRefusedAsync(patch);
        var session = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");
        Assert.Equal("standard", session.GetProperty("qualityTier").GetString());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, ErrorCodes.PremiumTierUnavailable);
        Assert.Contains("premium recogniser 'whisper'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static HttpClient Client(BabelcastTestServer server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<string> FinalTranscriptAsync(BabelcastTestServer server, HttpClient client, string token, string tier, short[] speech, Func<string, bool> wanted)
    {
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en", qualityTier = tier });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetString()!;
        await using var speaker = await ProtocolClient.ConnectAsync(server.WebSocketUri($"/ws/speak?sessionId={id}&token={token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(10));
        await speaker.StreamAudioAsync(speech, frameMs: 100, speed: 2);
        var final = await speaker.WaitForAsync(m => m.Type == "transcript" && m.Final && wanted(m.Text()), TimeSpan.FromMinutes(2));
        return final.Text();
    }
}
