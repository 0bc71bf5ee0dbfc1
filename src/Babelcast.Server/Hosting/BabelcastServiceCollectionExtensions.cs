using Babelcast.Server.Auth;
using Babelcast.Server.Broadcasting;
using Babelcast.Server.Capacity;
using Babelcast.Server.Endpoints;
using Babelcast.Server.Health;
using Babelcast.Server.Https;
using Babelcast.Server.Sessions;
using Babelcast.Server.Venue;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>The single composition root: every default registration uses TryAdd so that a backend can replace it.</summary>
public static class BabelcastServiceCollectionExtensions
{
    public static BabelcastBuilder AddBabelcast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BabelcastOptions>().BindConfiguration(BabelcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddBabelcastVenue();
        services.AddBabelcastTelemetry(configuration);
        services.AddProblemDetails();
        services.AddBabelcastKestrelLimits();
        services.AddBabelcastSocketScheduling();
        services.AddBabelcastHttps();
        services.AddBabelcastReverseProxy();
        services.AddBabelcastStorage(configuration);
        services.AddBabelcastEngines();
        services.AddBabelcastScripture();
        services.AddBabelcastGlossaries();
        services.AddBabelcastCoOperators();
        services.AddBabelcastAuth(configuration);
        services.AddBabelcastRateLimits();
        services.AddBabelcastSessions();
        // The bus first: a cluster bus replaces the live path's embedded ingest and pipelines, which are added with TryAdd.
        services.AddBabelcastBroadcasting(configuration);
        services.AddBabelcastLive();
        services.AddBabelcastCapacity();
        services.AddBabelcastHealth();
        return new BabelcastBuilder(services);
    }

    public static WebApplication UseBabelcast(this WebApplication app)
    {
        DataDirectory.Ensure(app.Services.GetRequiredService<IOptions<BabelcastOptions>>().Value.DataDirectory);
        app.UseBabelcastSecurityHeaders();
        app.UseMiddleware<UnexpectedErrorMiddleware>();
        app.UseBabelcastHostCheck();
        app.UseBabelcastRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        var live = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = live.KeepAliveInterval, KeepAliveTimeout = live.KeepAliveTimeout });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapBabelcastHttpApi();
        app.MapBabelcastWebSockets();
        app.MapBabelcastOperations();
        return app;
    }
}
