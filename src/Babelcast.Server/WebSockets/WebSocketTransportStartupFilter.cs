namespace Babelcast.Server.WebSockets;

/// <summary>
/// Puts <see cref="TransportCapture"/> in front of the whole pipeline, and so before the WebSocket middleware, which
/// takes the upgrade features as it finds them.
/// </summary>
internal sealed class WebSocketTransportStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(static (context, nextMiddleware) =>
        {
            TransportCapture.Install(context.Features);
            return nextMiddleware(context);
        });
        next(app);
    };
}
