using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// Reads a JSON request body by hand, so that a malformed or missing body is a VALIDATION_FAILED problem
/// rather than the framework's bare 400.
/// </summary>
internal static class JsonBody
{
    public const long MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Invalid($"The body must be at most {MaxBytes} bytes."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Invalid("A JSON object body is required.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid("The body is not a valid JSON object of the expected shape: " + e.Message));
        }
    }

    public static IResult Invalid(string detail) =>
        Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, detail);
}
