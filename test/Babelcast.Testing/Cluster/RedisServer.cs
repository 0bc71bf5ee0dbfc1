using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Babelcast.Testing.Cluster;

/// <summary>
/// A private redis-server (Debian's package) on a free loopback port, in a temporary directory, without persistence;
/// killed and deleted on dispose. Tests can stop and restart it on the same port, or freeze it (SIGSTOP) to play a stall.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/redis-server";
    private readonly string _directory;
    private Process? _process;

    private readonly bool _persistent;

    private RedisServer(string directory, int port, bool persistent)
    {
        _directory = directory;
        Port = port;
        _persistent = persistent;
    }

    public int Port { get; }

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>
    /// Starts a server; a <paramref name="persistent"/> one keeps an append-only file (as production Redis should), so
    /// that a graceful <see cref="StopAsync"/> and a restart keep its data set.
    /// </summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken, bool persistent = false)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's redis-server package (scripts/setup.sh does).");
        }

        var server = new RedisServer(Directory.CreateTempSubdirectory("babelcast-redis-").FullName, FreePort(), persistent);
        await server.RestartAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Starts the server again after <see cref="Kill"/> or <see cref="StopAsync"/> (same port; an empty data set unless persistent).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        Kill();
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", _persistent ? "yes" : "no", "--dir", _directory, "--daemonize", "no",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPongAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGTERM, as an operator's restart does: a persistent server writes its data set out first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false })
        {
            await SignalAsync("-TERM", cancellationToken).ConfigureAwait(false);
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>SIGKILL: Redis disappears without a goodbye, as in a crash.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing answers, as in a long stall.</summary>
    public Task FreezeAsync(CancellationToken cancellationToken) => SignalAsync("-STOP", cancellationToken);

    public Task ThawAsync(CancellationToken cancellationToken) => SignalAsync("-CONT", cancellationToken);

    private async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running.");
        using var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForPongAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited before answering on port {Port}.");
            }

            await Task.Delay(50, timeout.Token).ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // A frozen server ignores SIGTERM; SIGKILL works on a stopped process.
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process?.Dispose();
        _process = null;
        Directory.Delete(_directory, recursive: true);
    }
}
