using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Testing.Host;
using Babelcast.Testing.Host.Translation;

namespace Babelcast.Server.Tests.Translation;

/// <summary>
/// The real server (real Apertium and espeak-ng) whose premium tier translates with the "openai" engine pointed at a
/// loopback chat-completions server the test controls.
/// </summary>
public sealed class PremiumServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);

    public TranslationTestServer Llm { get; private set; } = null!;

    public BabelcastTestServer Server { get; private set; } = null!;

    public string Token { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Llm = await TranslationTestServer.StartAsync();
        Server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "10000",
            ["Babelcast:RateLimits:Token:PermitLimit"] = "10000",
            ["Babelcast:Engines:Premium:Translation"] = "openai",
            ["Babelcast:Engines:Premium:TranslationBudget"] = Budget.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Babelcast:Translation:OpenAi:BaseUrl"] = Llm.OpenAiBaseUrl,
            ["Babelcast:Translation:OpenAi:Model"] = "test-model",
            ["Babelcast:Translation:OpenAi:ApiKey"] = "sk-never-logged",
        });
        Token = await Server.GetTokenAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Llm.DisposeAsync();
    }

    public HttpClient Client()
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        return client;
    }

    public async Task<(string SessionId, ProtocolClient Speaker)> StartSpeakerAsync(string tier)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en", qualityTier = tier });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = doc.RootElement.GetProperty("sessionId").GetString()!;
        var speaker = await ProtocolClient.ConnectAsync(Server.WebSocketUri($"/ws/speak?sessionId={id}&token={Token}"));
        await speaker.WaitForTypeAsync("connected", TimeSpan.FromSeconds(10));
        return (id, speaker);
    }

    public async Task<ProtocolClient> JoinAsync(string sessionId, string language)
    {
        var listener = await ProtocolClient.ConnectAsync(Server.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage={language}"));
        await listener.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(10));
        return listener;
    }
}
