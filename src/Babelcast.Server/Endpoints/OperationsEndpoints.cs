using Babelcast.Core.Sessions;

namespace Babelcast.Server.Endpoints;

public static class OperationsEndpoints
{
    private static readonly long StartedAt = Environment.TickCount64;

    /// <summary>Health, metrics and the listener page route.</summary>
    public static IEndpointRouteBuilder MapBabelcastOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (ILiveSessions live) => Results.Json(new
        {
            status = "healthy",
            version = typeof(OperationsEndpoints).Assembly.GetName().Version?.ToString(),
            uptimeSeconds = (Environment.TickCount64 - StartedAt) / 1000,
            activeSessions = live.ActiveSessionIds.Count,
        }));
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/join/{sessionId}", (IWebHostEnvironment env) =>
            Results.File(env.WebRootFileProvider.GetFileInfo("join.html").CreateReadStream(), "text/html; charset=utf-8"));
        return app;
    }
}
