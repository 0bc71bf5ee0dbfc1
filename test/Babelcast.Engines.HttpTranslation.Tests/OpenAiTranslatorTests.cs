using System.Text.Json;
using Babelcast.Core.Translation;
using Babelcast.Testing.Host.Translation;

namespace Babelcast.Engines.HttpTranslation.Tests;

/// <summary>The "openai" translator against a real chat-completions server on loopback.</summary>
public sealed class OpenAiTranslatorTests : IAsyncLifetime
{
    private static CancellationToken Ct => CancellationToken.None;

    private TranslationTestServer _server = null!;

    public async Task InitializeAsync() => _server = await TranslationTestServer.StartAsync(Ct);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TranslateAsync_StreamedAnswer_JoinsTheChunks()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
        _server.Answer = _ => TestAnswer.Translation("Hola a todos y bienvenidos");

        var result = await host.Get("openai").TranslateAsync("Hello everyone and welcome", "en", "es", Ct);

        Assert.True(result.Success, result.Error);
        Assert.Equal("Hola a todos y bienvenidos", result.Text);
        var call = Assert.Single(_server.Calls);
        Assert.True(call.Stream);
        Assert.Equal("es", call.Target);
        Assert.Equal("Hello everyone and welcome", call.Text);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("test-model", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("temperature").GetDouble());
    }

    [Fact]
    public async Task TranslateAsync_JsonAnswer_IsRead_WhetherAskedForOrNot()
    {
        using var plain = TranslatorHost.OpenAi(_server.OpenAiBaseUrl, new Dictionary<string, string?> { ["Babelcast:Translation:OpenAi:Stream"] = "false" });
        using var streaming = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
        _server.Answer = _ => new TestAnswer("Bonjour", ForceJson: true);

        var asked = await plain.Get("openai").TranslateAsync("Hello", "en", "fr", Ct);
        var unasked = await streaming.Get("openai").TranslateAsync("Hello", "en", "fr", Ct);

        Assert.Equal(TranslationResult.Ok("Bonjour"), asked);
        Assert.Equal(TranslationResult.Ok("Bonjour"), unasked);
        Assert.False(_server.Calls.First().Stream);
    }

    [Fact]
    public async Task TranslateAsync_Prompt_FixesTargetKeepsGlossaryAndCarriesTheLastPhrases()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl, new Dictionary<string, string?>
        {
            ["Babelcast:Translation:OpenAi:Glossary:0"] = "Babelcast",
            ["Babelcast:Translation:OpenAi:Glossary:1"] = "Pastor Jim",
            ["Babelcast:Translation:OpenAi:ContextPhrases"] = "2",
        });
        var translator = (IContextualTranslator)host.Get("openai");

        await translator.TranslateAsync(new TranslationRequest("He came late.", "en", "de", ["First phrase.", "Second phrase.", "Third phrase."]), Ct);

        var prompt = Assert.Single(_server.Calls).SystemPrompt!;
        Assert.Contains("into German (de)", prompt, StringComparison.Ordinal);
        Assert.Contains("translation only", prompt, StringComparison.Ordinal);
        Assert.Contains("Babelcast; Pastor Jim", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("First phrase.", prompt, StringComparison.Ordinal);
        Assert.Contains("- Second phrase.\n- Third phrase.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_ApiKey_GoesAsBearer_AndNotIntoErrors()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl, new Dictionary<string, string?> { ["Babelcast:Translation:OpenAi:ApiKey"] = "sk-secret-123" });
        _server.Answer = _ => TestAnswer.Error(401);

        var result = await host.Get("openai").TranslateAsync("Hello", "en", "es", Ct);

        Assert.Equal("Bearer sk-secret-123", Assert.Single(_server.Calls).Authorization);
        Assert.False(result.Success);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "{\"error\":{\"message\":\"model crashed\"}}")]
    [InlineData(200, "not json at all")]
    [InlineData(200, "{\"choices\":[]}")]
    [InlineData(200, "{\"object\":\"error\"}")]
    public async Task TranslateAsync_ErrorOrWrongShape_IsAFailedResult(int status, string body)
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
        _server.Answer = _ => new TestAnswer(null, status, Raw: body);

        var result = await host.Get("openai").TranslateAsync("Hello", "en", "es", Ct);

        Assert.False(result.Success);
    }

    [Fact]
    public async Task TranslateAsync_ErrorEventInTheStream_IsAFailedResult()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
        _server.Answer = _ => new TestAnswer(null, Raw: "data: {\"error\":{\"message\":\"overloaded\"}}\n\n", ContentType: "text/event-stream");

        var result = await host.Get("openai").TranslateAsync("Hello", "en", "es", Ct);

        Assert.False(result.Success);
    }

    [Fact]
    public async Task TranslateAsync_StreamWithoutChunks_IsAFailedResult()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
        _server.Answer = _ => new TestAnswer(null, Raw: ": keep-alive\n\n", ContentType: "text/event-stream");

        var result = await host.Get("openai").TranslateAsync("Hello", "en", "es", Ct);

        Assert.False(result.Success);
    }

    [Fact]
    public async Task TranslateAsync_ServerGone_IsAFailedResult()
    {
        var url = _server.OpenAiBaseUrl;
        await _server.DisposeAsync();
        _server = await TranslationTestServer.StartAsync(Ct);
        using var host = TranslatorHost.OpenAi(url);

        var result = await host.Get("openai").TranslateAsync("Hello", "en", "es", Ct);

        Assert.False(result.Success);
    }

    [Fact]
    public async Task TranslateAsync_ThinkBlockAndQuotes_AreRemoved()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
        _server.Answer = _ => TestAnswer.Translation("<think>The user wants Spanish.</think> \"Buenos días\"");

        var result = await host.Get("openai").TranslateAsync("Good morning", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("Buenos días"), result);
    }

    [Fact]
    public void GetTargets_ConfiguredLanguages_WithoutTheSource()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl, new Dictionary<string, string?>
        {
            ["Babelcast:Translation:OpenAi:Languages:0"] = "es",
            ["Babelcast:Translation:OpenAi:Languages:1"] = "en",
        });

        Assert.Equal(["es"], host.Get("openai").GetTargets("en"));
    }
}
