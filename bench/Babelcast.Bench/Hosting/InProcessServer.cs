using Babelcast.Testing.Host;

namespace Babelcast.Bench.Hosting;

/// <summary>The real server in the bench's own process (shares the Stopwatch clock; its CPU includes the clients).</summary>
public sealed class InProcessServer : IBenchServer
{
    private readonly BabelcastTestServer _server;

    private InProcessServer(BabelcastTestServer server) => _server = server;

    public Uri BaseUri => _server.BaseUri;

    public int ProcessId => Environment.ProcessId;

    public bool Isolated => false;

    public string AdminPassword => BabelcastTestServer.AdminPassword;

    public static async Task<InProcessServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var config = settings.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
        return new InProcessServer(await BabelcastTestServer.StartAsync(config, cancellationToken));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
