using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// Reads a JSON request body by hand, so that a malformed or missing body is a VALIDATION_FAILED problem
/// rather than the framework's bare 400.
/// </summary>
internal static class JsonBody
{
    public const long MaxBytes = KestrelLimits.MaxRequestBodyBytes;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    public static Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(request, MaxBytes, cancellationToken);

    /// <summary>As <see cref="ReadAsync{T}(HttpRequest, CancellationToken)"/> with a route's own body limit (glossaries are larger).</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Kestrel counts every byte read against this limit, whatever the transfer encoding (chunked bodies too).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Invalid("A JSON object body is required.")) : (value, null);
        }
        catch (JsonException)
        {
            // The parser's message names types and positions of our model: not for clients.
            return (null, Invalid("The body is not a valid JSON object of the expected shape."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, UnexpectedErrorMiddleware.BadRequest(e));
        }
        catch (IOException)
        {
            // Kestrel reports some broken framings (e.g. a chunk size that overflows) as an IOException, not a
            // BadHttpRequestException: the body is just as unreadable.
            return (null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The request body is malformed."));
        }
    }

    public static IResult TooLarge(long maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"Request bodies are limited to {maxBytes} bytes.");

    public static IResult Invalid(string detail) =>
        Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, detail);
}
