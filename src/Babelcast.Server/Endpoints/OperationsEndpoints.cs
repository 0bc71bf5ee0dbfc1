using Babelcast.Server.Health;

namespace Babelcast.Server.Endpoints;

public static class OperationsEndpoints
{
    /// <summary>Health, metrics and the listener and caption display page routes.</summary>
    public static IEndpointRouteBuilder MapBabelcastOperations(this IEndpointRouteBuilder app)
    {
        app.MapBabelcastHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/join/{sessionId}", (IWebHostEnvironment env) =>
            Results.File(env.WebRootFileProvider.GetFileInfo("join.html").CreateReadStream(), "text/html; charset=utf-8"));
        app.MapGet("/display/{sessionId}", (IWebHostEnvironment env) =>
            Results.File(env.WebRootFileProvider.GetFileInfo("display.html").CreateReadStream(), "text/html; charset=utf-8"));
        return app;
    }
}
