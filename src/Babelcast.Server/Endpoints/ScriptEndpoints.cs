using System.Text;
using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Operator;
using Microsoft.AspNetCore.Http.Features;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// A session's prepared text (its owner and invited co-operators): POST loads it (text/plain or Markdown, or JSON <c>{"text": ...}</c>) and
/// starts translating it ahead; GET shows its cues and how far the translation is; DELETE drops it. Cues are sent
/// on the speaker socket (<c>cue</c>).
/// </summary>
internal static class ScriptEndpoints
{
    /// <summary>The body may be JSON, whose escapes make it longer than the text it carries.</summary>
    private const long MaxBodyBytes = 2L * ScriptParser.MaxBytes;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions/{id}/script", LoadAsync);
        app.MapGet("/api/sessions/{id}/script", GetAsync);
        app.MapDelete("/api/sessions/{id}/script", DeleteAsync);
    }

    private static async Task<IResult> LoadAsync(
        string id, HttpContext context, ISessionStore store, IOperatorStore operators, PreparedScripts scripts, CancellationToken cancellationToken)
    {
        var (session, _, error) = await SessionAccess.FindOperableAsync(id, context, store, operators, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (session!.Status == SessionStatus.Ended)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.SessionEnded, "The session has ended.");
        }

        var (text, bodyError) = await ReadTextAsync(context.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (cues, refusal) = ScriptParser.Parse(text!);
        if (refusal is not null)
        {
            return Problems.Create(
                refusal.Code == ErrorCodes.ScriptTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, refusal.Code, refusal.Message);
        }

        var script = scripts.Load(session.Id, session.SourceLanguage, cues!);
        return TypedResults.Created($"/api/sessions/{session.Id}/script", ScriptView.From(script));
    }

    private static async Task<IResult> GetAsync(
        string id, HttpContext context, ISessionStore store, IOperatorStore operators, PreparedScripts scripts, CancellationToken cancellationToken)
    {
        var (session, _, error) = await SessionAccess.FindOperableAsync(id, context, store, operators, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return scripts.Find(session!.Id) is { } script ? TypedResults.Ok(ScriptView.From(script)) : NoScript(session.Id);
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext context, ISessionStore store, IOperatorStore operators, PreparedScripts scripts, CancellationToken cancellationToken)
    {
        var (session, _, error) = await SessionAccess.FindOperableAsync(id, context, store, operators, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        return scripts.Remove(session!.Id) ? TypedResults.NoContent() : NoScript(session.Id);
    }

    private static IResult NoScript(string id) =>
        Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.CueNotFound, $"Session '{id}' has no prepared text.");

    private static IResult TooLarge() =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.ScriptTooLarge, $"Prepared text is limited to {ScriptParser.MaxBytes} bytes of UTF-8.");

    /// <summary>The script's text from a text/plain (or text/markdown) body, or from a JSON body's <c>text</c>.</summary>
    private static async Task<(string? Text, IResult? Error)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        try
        {
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("text", out var field) && field.ValueKind == JsonValueKind.String
                    ? (field.GetString(), null)
                    : (null, JsonBody.Invalid("A JSON body must be an object with \"text\": the prepared text."));
            }

            if (!mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.ValidationFailed,
                    "Send prepared text as text/plain (or text/markdown), or as application/json {\"text\": ...}."));
            }

            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, true));
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (JsonException)
        {
            return (null, JsonBody.Invalid("The body is not valid JSON."));
        }
        catch (DecoderFallbackException)
        {
            return (null, JsonBody.Invalid("The prepared text is not valid UTF-8."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException e)
        {
            return (null, Hosting.UnexpectedErrorMiddleware.BadRequest(e));
        }
    }
}
