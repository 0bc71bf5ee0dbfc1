namespace Babelcast.Bench.Hosting;

/// <summary>A running Babelcast server on 127.0.0.1 the bench drives.</summary>
public interface IBenchServer : IAsyncDisposable
{
    Uri BaseUri { get; }

    /// <summary>The process whose CPU and memory count as the server's (the bench itself when in-process).</summary>
    int ProcessId { get; }

    /// <summary>True if the server runs in its own process, so that its CPU and memory exclude the clients.</summary>
    bool Isolated { get; }

    string AdminPassword { get; }

    Uri WebSocketBase => new(BaseUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal));
}
