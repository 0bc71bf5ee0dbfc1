using System.Net.Http.Headers;
using System.Net.Http.Json;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.HttpTranslation;

/// <summary>
/// The "openai" translator: one chat-completions call per phrase and language against an OpenAI-compatible server.
/// Failures (refused connection, HTTP error, an answer that is not a completion) come back as failed results, which
/// the premium chain answers with Apertium; it never retries (the per-phrase budget has no room for it).
/// </summary>
internal sealed class OpenAiTranslator(IHttpClientFactory clients, IOptions<OpenAiOptions> options, ILogger<OpenAiTranslator> logger) : IContextualTranslator
{
    public const string ClientName = "babelcast-openai";

    private readonly OpenAiOptions _options = options.Value;
    private readonly IReadOnlyCollection<string> _targets = HttpTranslationDefaults.TargetsOf(options.Value.Languages);

    public string Name => HttpTranslationDefaults.OpenAiName;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) =>
        _targets.Where(t => !string.Equals(t, sourceLanguage, StringComparison.OrdinalIgnoreCase)).ToArray();

    public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        TranslateAsync(new TranslationRequest(text, sourceLanguage, targetLanguage), cancellationToken);

    public async ValueTask<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ChatRequest(
            _options.Model,
            [new ChatMessage("system", ChatPrompt.System(request, _options.Glossary, _options.ContextPhrases)), new ChatMessage("user", request.Text)],
            _options.Temperature,
            _options.Stream);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoints.Combine(_options.BaseUrl, "chat/completions"))
        {
            Content = JsonContent.Create(body, HttpTranslationJson.Default.ChatRequest),
        };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.HttpStatus(logger, Name, (int)response.StatusCode);
                return TranslationResult.Failed($"{Name}: HTTP {(int)response.StatusCode}");
            }

            var answer = await ChatCompletionReader.ReadAsync(response.Content, cancellationToken);
            if (answer is null)
            {
                Log.Malformed(logger, Name);
                return TranslationResult.Failed($"{Name}: not a chat completion");
            }

            return TranslationResult.Ok(ChatPrompt.Clean(answer));
        }
        catch (HttpRequestException ex)
        {
            Log.Unreachable(logger, Name, ex.HttpRequestError.ToString());
            return TranslationResult.Failed($"{Name}: {ex.HttpRequestError}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout (RequestTimeout) elapsed.
            return TranslationResult.Failed($"{Name}: no answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
    }
}
