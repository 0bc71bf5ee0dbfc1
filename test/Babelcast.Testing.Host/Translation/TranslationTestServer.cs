using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Testing.Host.Translation;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that speaks the two documented translation APIs:
/// OpenAI-compatible <c>POST /v1/chat/completions</c> (JSON or server-sent events) and LibreTranslate
/// <c>POST /translate</c>. <see cref="Answer"/> decides each answer; by default "[target] text" reversed word order,
/// so that a test can tell the server's translation from Apertium's.
/// </summary>
public sealed partial class TranslationTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TranslationTestServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server root, e.g. http://127.0.0.1:41234 (LibreTranslate's BaseUrl).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The chat API root (an OpenAI BaseUrl): the server root with /v1.</summary>
    public string OpenAiBaseUrl => BaseUrl.ToString().TrimEnd('/') + "/v1";

    public ConcurrentQueue<TranslationCall> Calls { get; } = new();

    public Func<TranslationCall, TestAnswer> Answer { get; set; } = DefaultAnswer;

    /// <summary>A recognisable translation: <see cref="Pseudo"/> of the call's text.</summary>
    public static TestAnswer DefaultAnswer(TranslationCall call) => TestAnswer.Translation(Pseudo(call.Target ?? "xx", call.Text));

    /// <summary>
    /// "LLM-es: Welcomees toes thees servicees.": the target's code after every word, so that the answer is not the
    /// source's language back (the plausibility check refuses English for Spanish by its function words).
    /// </summary>
    public static string Pseudo(string target, string text) => $"LLM-{target}: {Words().Replace(text, m => m.Value + target)}";

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    public static async Task<TranslationTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TranslationTestServer? server = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => server!.ChatAsync(context));
        app.MapPost("/translate", (HttpContext context) => server!.LibreAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new TranslationTestServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Hanging answers (a test's slow server) must not hold the stop.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task ChatAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        string? system = null;
        var text = string.Empty;
        foreach (var message in root.GetProperty("messages").EnumerateArray())
        {
            var role = message.GetProperty("role").GetString();
            var content = message.GetProperty("content").GetString() ?? string.Empty;
            (system, text) = role == "system" ? (content, text) : (system, content);
        }

        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var target = system is null ? null : TargetPattern().Match(system) is { Success: true } m ? m.Groups[1].Value : null;
        var call = new TranslationCall("chat", text, null, target, system, context.Request.Headers.Authorization.ToString(), null, stream, body);
        Calls.Enqueue(call);
        var answer = Answer(call);
        await Task.Delay(answer.Delay, context.RequestAborted);
        if (await WroteRawAsync(context, answer))
        {
            return;
        }

        if (stream && !answer.ForceJson)
        {
            context.Response.ContentType = "text/event-stream";
            var words = (answer.Text ?? string.Empty).Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                var piece = i == 0 ? words[i] : " " + words[i];
                var chunk = JsonSerializer.Serialize(new { id = "t", @object = "chat.completion.chunk", choices = new[] { new { index = 0, delta = new { content = piece } } } });
                await context.Response.WriteAsync($"data: {chunk}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(answer.ChunkDelay, context.RequestAborted);
            }

            await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
            return;
        }

        await context.Response.WriteAsJsonAsync(
            new { id = "t", @object = "chat.completion", choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Text } } } },
            context.RequestAborted);
    }

    private async Task LibreAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var call = new TranslationCall("libretranslate", Field("q") ?? string.Empty, Field("source"), Field("target"), null, null, Field("api_key"), false, body);
        Calls.Enqueue(call);
        var answer = Answer(call);
        await Task.Delay(answer.Delay, context.RequestAborted);
        if (!await WroteRawAsync(context, answer))
        {
            await context.Response.WriteAsJsonAsync(new { translatedText = answer.Text }, context.RequestAborted);
        }
    }

    private static async Task<bool> WroteRawAsync(HttpContext context, TestAnswer answer)
    {
        if (answer.Raw is null && answer.Status == 200)
        {
            return false;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Raw ?? string.Empty, context.RequestAborted);
        return true;
    }

    [GeneratedRegex(@"into [^(]*\(([A-Za-z][A-Za-z_-]*)\)")]
    private static partial Regex TargetPattern();
}
