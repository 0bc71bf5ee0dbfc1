using Babelcast.Server.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>
/// How Kestrel's socket transport schedules a connection's work (<see cref="LiveOptions.InlineSocketScheduling"/>).
/// Inline, a flush sends on the thread that flushed: a fan-out writes each listener's socket as it goes. Kestrel's
/// default hands every flush to one of its I/O queues (one per core), which send them one after another as a
/// thread-pool work item queued behind the pipeline's own work; at 10,000 listeners that queue was the tail. Inline
/// also runs a request's code on the thread that read its socket, which on Linux is a thread-pool thread (socket
/// completions are dispatched to the pool unless <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> is set, which
/// this server does not want: it measured slower).
/// </summary>
internal static class SocketScheduling
{
    public static IServiceCollection AddBabelcastSocketScheduling(this IServiceCollection services)
    {
        services.AddOptions<SocketTransportOptions>()
            .Configure<IOptions<LiveOptions>>((o, live) => o.UnsafePreferInlineScheduling = live.Value.InlineSocketScheduling);
        return services;
    }
}
