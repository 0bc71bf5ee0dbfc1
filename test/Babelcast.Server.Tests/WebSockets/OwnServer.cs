using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>A test's own server (for settings the shared one must not have), whose shutdown may not hang the run.</summary>
internal sealed class OwnServer : IAsyncDisposable
{
    private OwnServer(BabelcastTestServer server) => Server = server;

    public BabelcastTestServer Server { get; }

    public static async Task<OwnServer> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        new(await BabelcastTestServer.StartAsync(settings, services));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(45));
}
