using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.Streaming;

public static class StreamServiceCollectionExtensions
{
    /// <summary>The endless MP3 stream per session and language.</summary>
    public static IServiceCollection AddBabelcastStream(this IServiceCollection services)
    {
        services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SilentFrames>();
        services.TryAddSingleton<StreamEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapBabelcastStream(this IEndpointRouteBuilder app)
    {
        app.MapGet(StreamEndpoint.Route, (HttpContext context, string id, string targetLanguage, StreamEndpoint endpoint) =>
            endpoint.HandleAsync(context, id, targetLanguage));
        return app;
    }
}
