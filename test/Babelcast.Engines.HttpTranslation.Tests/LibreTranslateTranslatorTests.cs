using System.Text.Json;
using Babelcast.Core.Translation;
using Babelcast.Testing.Host.Translation;

namespace Babelcast.Engines.HttpTranslation.Tests;

/// <summary>The "libretranslate" translator against a real server on loopback speaking the documented API.</summary>
public sealed class LibreTranslateTranslatorTests : IAsyncLifetime
{
    private static CancellationToken Ct => CancellationToken.None;

    private TranslationTestServer _server = null!;

    public async Task InitializeAsync() => _server = await TranslationTestServer.StartAsync(Ct);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TranslateAsync_PostsTheDocumentedFields_AndReadsTranslatedText()
    {
        using var host = TranslatorHost.Libre(_server.BaseUrl.ToString(), new Dictionary<string, string?> { ["Babelcast:Translation:LibreTranslate:ApiKey"] = "lt-key" });
        _server.Answer = _ => TestAnswer.Translation("Bon dia a tothom");

        var result = await host.Get("libretranslate").TranslateAsync("Good morning everyone", "en", "ca", Ct);

        Assert.Equal(TranslationResult.Ok("Bon dia a tothom"), result);
        var call = Assert.Single(_server.Calls);
        using var body = JsonDocument.Parse(call.Body);
        var root = body.RootElement;
        Assert.Equal("Good morning everyone", root.GetProperty("q").GetString());
        Assert.Equal("en", root.GetProperty("source").GetString());
        Assert.Equal("ca", root.GetProperty("target").GetString());
        Assert.Equal("text", root.GetProperty("format").GetString());
        Assert.Equal("lt-key", root.GetProperty("api_key").GetString());
    }

    [Fact]
    public async Task TranslateAsync_NoKeyConfigured_SendsNoKey()
    {
        using var host = TranslatorHost.Libre(_server.BaseUrl.ToString());

        await host.Get("libretranslate").TranslateAsync("Hello", "en", "es", Ct);

        using var body = JsonDocument.Parse(Assert.Single(_server.Calls).Body);
        Assert.False(body.RootElement.TryGetProperty("api_key", out _));
    }

    [Theory]
    [InlineData(400, "{\"error\":\"es is not supported\"}")]
    [InlineData(403, "{\"error\":\"Invalid API key\"}")]
    [InlineData(200, "{\"error\":\"odd\"}")]
    [InlineData(200, "<html>proxy error</html>")]
    public async Task TranslateAsync_ErrorOrWrongShape_IsAFailedResult(int status, string body)
    {
        using var host = TranslatorHost.Libre(_server.BaseUrl.ToString());
        _server.Answer = _ => new TestAnswer(null, status, Raw: body);

        var result = await host.Get("libretranslate").TranslateAsync("Hello", "en", "es", Ct);

        Assert.False(result.Success);
    }
}
