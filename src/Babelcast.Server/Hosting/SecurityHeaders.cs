namespace Babelcast.Server.Hosting;

/// <summary>
/// Headers on every response (pages, API, problems, health): the pages load only their own files (no inline code,
/// so no 'unsafe-inline'), nothing may frame them, nothing is sniffed, no referrer leaks a session's join link.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseBabelcastSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            // Set when the response starts, so that a response rewritten by the error handler carries them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
