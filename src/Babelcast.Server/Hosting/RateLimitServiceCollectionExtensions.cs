using System.Globalization;
using System.Threading.RateLimiting;
using Babelcast.Core.Limits;
using Babelcast.Core.Protocol;
using Babelcast.Server.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

public static class RateLimitServiceCollectionExtensions
{
    /// <summary>
    /// Rate limits: endpoint policies for tokens (per IP) and session creation (per speaker), and <see cref="IWebSocketRateLimiter"/>,
    /// all counted by the registered <see cref="IFixedWindowCounter"/> (in process unless a cluster backend replaces it).
    /// </summary>
    public static IServiceCollection AddBabelcastRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        // A cluster backend replaces the counter (the bus is registered after this), so that every limit counts on all nodes.
        services.TryAddSingleton<IFixedWindowCounter>(sp => new InProcessFixedWindowCounter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IWebSocketRateLimiter, WebSocketRateLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            options.AddPolicy<string, RateLimitTokenPolicy>(RateLimitPolicies.Token);
            options.AddPolicy<string, RateLimitSessionCreatePolicy>(RateLimitPolicies.SessionCreate);
        });
        return services;
    }

    /// <summary>
    /// Authenticates first (the per-speaker policy partitions by user; the handler caches its result per request,
    /// so a later UseAuthentication costs nothing), then applies the endpoint rate limits.
    /// </summary>
    public static WebApplication UseBabelcastRateLimits(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        return app;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        seconds = Math.Max(1, seconds);
        var http = context.HttpContext;
        RateLimitLog.Rejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitLog)),
            http.Request.Path.Value ?? string.Empty, RateLimitPartitions.ClientIp(http), seconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
            $"Too many requests; retry after {seconds} s.", new Dictionary<string, object?> { ["retryAfter"] = seconds })
            .ExecuteAsync(http);
    }
}
