using System.Text;
using Babelcast.Core.Protocol;
using Microsoft.AspNetCore.Http.Features;

namespace Babelcast.Server.Endpoints;

/// <summary>Reads a UTF-8 text body (a CSV import) under a size limit, as <see cref="JsonBody"/> does for JSON.</summary>
internal static class TextBody
{
    public static async Task<(string? Text, IResult? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, JsonBody.TooLarge(maxBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, JsonBody.Invalid("The body is not valid UTF-8 text."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, JsonBody.TooLarge(maxBytes));
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The request body is malformed."));
        }
    }
}
