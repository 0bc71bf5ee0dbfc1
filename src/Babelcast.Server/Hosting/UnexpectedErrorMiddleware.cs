using System.Diagnostics;
using Babelcast.Core.Protocol;
using Babelcast.Server.Endpoints;

namespace Babelcast.Server.Hosting;

/// <summary>
/// The last line: a failure nobody expected becomes a 500 problem with code INTERNAL_ERROR and a trace id, logged once
/// here with the exception; a body Kestrel refused (too large, bad chunking) becomes a 413 or 400 problem. Nothing of
/// the exception (type, message, paths) reaches the client.
/// </summary>
internal sealed class UnexpectedErrorMiddleware(RequestDelegate next, ILogger<UnexpectedErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            HostingLog.BadRequest(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, ex.StatusCode);
            context.Response.Clear();
            await BadRequest(ex).ExecuteAsync(context);
        }
        catch (Exception ex)
        {
            var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
            HostingLog.Unexpected(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, traceId, ex);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            await Problems.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                "The server failed unexpectedly; quote the traceId when reporting this.",
                new Dictionary<string, object?> { ["traceId"] = traceId }).ExecuteAsync(context);
        }
    }

    /// <summary>The problem for a request Kestrel refused while its body was read (shared with JsonBody).</summary>
    public static IResult BadRequest(BadHttpRequestException ex) =>
        ex.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"Request bodies are limited to {KestrelLimits.MaxRequestBodyBytes} bytes.")
            : Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The request body is malformed.");
}
