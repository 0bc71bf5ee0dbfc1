using System.Text;
using Babelcast.Core.Diagnostics;
using Babelcast.Server.Health;

namespace Babelcast.Server.Endpoints;

public static class OperationsEndpoints
{
    /// <summary>Health, metrics and the listener page route.</summary>
    public static IEndpointRouteBuilder MapBabelcastOperations(this IEndpointRouteBuilder app)
    {
        app.MapBabelcastHealth();
        app.MapGet("/metrics", (BabelcastMetrics metrics) =>
        {
            var sb = new StringBuilder();
            metrics.WriteTo(sb);
            return Results.Text(sb.ToString(), "text/plain; version=0.0.4; charset=utf-8");
        });
        app.MapGet("/join/{sessionId}", (IWebHostEnvironment env) =>
            Results.File(env.WebRootFileProvider.GetFileInfo("join.html").CreateReadStream(), "text/html; charset=utf-8"));
        return app;
    }
}
