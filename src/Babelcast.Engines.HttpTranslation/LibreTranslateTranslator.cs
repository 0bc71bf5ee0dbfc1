using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.HttpTranslation;

/// <summary>
/// The "libretranslate" translator: <c>POST /translate {q, source, target, format, api_key}</c> answered by
/// <c>{translatedText}</c> (or <c>{error}</c> with an HTTP error status). Failures come back as failed results.
/// </summary>
internal sealed class LibreTranslateTranslator(IHttpClientFactory clients, IOptions<LibreTranslateOptions> options, ILogger<LibreTranslateTranslator> logger)
    : ITranslator
{
    public const string ClientName = "babelcast-libretranslate";

    private readonly LibreTranslateOptions _options = options.Value;
    private readonly IReadOnlyCollection<string> _targets = HttpTranslationDefaults.TargetsOf(options.Value.Languages);

    public string Name => HttpTranslationDefaults.LibreTranslateName;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) =>
        _targets.Where(t => !string.Equals(t, sourceLanguage, StringComparison.OrdinalIgnoreCase)).ToArray();

    public async ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        var body = new LibreTranslateRequest(text, sourceLanguage, targetLanguage, "text", string.IsNullOrEmpty(_options.ApiKey) ? null : _options.ApiKey);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.PostAsJsonAsync(
                Endpoints.Combine(_options.BaseUrl, "translate"), body, HttpTranslationJson.Default.LibreTranslateRequest, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.HttpStatus(logger, Name, (int)response.StatusCode);
                return TranslationResult.Failed($"{Name}: HTTP {(int)response.StatusCode}");
            }

            var answer = await response.Content.ReadFromJsonAsync(HttpTranslationJson.Default.LibreTranslateResponse, cancellationToken);
            if (answer?.TranslatedText is not { } translated)
            {
                Log.Malformed(logger, Name);
                return TranslationResult.Failed($"{Name}: no translatedText");
            }

            return TranslationResult.Ok(translated.Trim());
        }
        catch (HttpRequestException ex)
        {
            Log.Unreachable(logger, Name, ex.HttpRequestError.ToString());
            return TranslationResult.Failed($"{Name}: {ex.HttpRequestError}");
        }
        catch (JsonException)
        {
            Log.Malformed(logger, Name);
            return TranslationResult.Failed($"{Name}: malformed JSON");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TranslationResult.Failed($"{Name}: no answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
    }
}
