using Babelcast.Core.Ingest;
using Babelcast.Core.Limits;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Server.Hosting;
using Babelcast.Server.Streaming;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.WebSockets;

public static class LiveServiceCollectionExtensions
{
    /// <summary>The live path: ingest, pipelines, this node's connection store and the WebSocket endpoints (the bus is <c>AddBabelcastBroadcasting</c>).</summary>
    public static IServiceCollection AddBabelcastLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorrectionOptions>().BindConfiguration(CorrectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IAudioIngest, InProcessAudioIngest>();
        services.TryAddSingleton<ListenerHub>();
        services.TryAddSingleton<IConnectionStore>(sp => sp.GetRequiredService<ListenerHub>());
        services.TryAddSingleton<IListenerSlots, LocalListenerSlots>();
        services.TryAddSingleton<AudienceStatus>();
        services.TryAddSingleton<TranscriptWriter>();
        services.TryAddSingleton<Core.Cluster.ISessionWriteFence, Core.Cluster.NoWriteFence>();
        services.TryAddSingleton<IScriptFollower>(NoScriptFollower.Instance);
        services.TryAddSingleton<PhraseProcessor>();
        services.TryAddSingleton<PhraseCorrector>();
        services.TryAddSingleton<PipelineHost>();
        services.TryAddSingleton<LiveStateApplier>();
        services.TryAddSingleton<LiveStateCatchUp>();
        services.TryAddSingleton<LiveSessions>();
        services.TryAddSingleton<ILiveSessions>(sp => sp.GetRequiredService<LiveSessions>());
        services.TryAddSingleton<ListenerReplay>();
        services.TryAddSingleton<TranslationWarmup>();
        services.TryAddSingleton<RecognizerWarmup>();
        services.TryAddSingleton<SocketRefusal>();
        services.TryAddSingleton<SpeakerEndpoint>();
        services.TryAddSingleton<ListenerEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, WebSocketTransportStartupFilter>());
        services.AddHostedService<AudioRetentionService>();
        services.AddBabelcastStream();
        return services;
    }

    public static IEndpointRouteBuilder MapBabelcastWebSockets(this IEndpointRouteBuilder app)
    {
        app.Map("/ws/speak", (HttpContext context, SpeakerEndpoint endpoint) => UpgradeAsync(context, endpoint.HandleAsync));
        app.Map("/ws/listen", (HttpContext context, ListenerEndpoint endpoint) => UpgradeAsync(context, endpoint.HandleAsync));
        return app;
    }

    private static async Task UpgradeAsync(HttpContext context, Func<HttpContext, Task> handle)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Endpoints.Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.WebSocketRequired, "This endpoint only accepts WebSocket upgrades.").ExecuteAsync(context);
            return;
        }

        await handle(context);
    }
}
