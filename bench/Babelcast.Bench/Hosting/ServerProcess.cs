using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Hosting;

/// <summary>
/// The real server as its own process (<c>dotnet babelcast.dll --urls http://127.0.0.1:PORT</c>) with a temporary
/// data directory, so that its CPU time and resident memory can be read from /proc apart from the clients.
/// </summary>
public sealed class ServerProcess : IBenchServer
{
    private const string Password = "bench-admin-password-1";
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, Uri baseUri, string dataDirectory)
    {
        _process = process;
        BaseUri = baseUri;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseUri { get; }

    public int ProcessId => _process.Id;

    public bool Isolated => true;

    public string AdminPassword => Password;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server and waits until <paramref name="healthPath"/> answers 200 (readiness by default; cluster nodes: liveness).</summary>
    public static async Task<ServerProcess> StartAsync(string serverDll, IReadOnlyDictionary<string, string> settings, ILogger logger, CancellationToken cancellationToken, string healthPath = "/healthz")
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("babelcast-bench-").FullName;
        var info = new ProcessStartInfo("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        info.Environment["Babelcast__DataDirectory"] = data;
        info.Environment["BABELCAST_ADMIN_PASSWORD"] = Password;
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (k, v) in settings)
        {
            info.Environment[k] = v;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Forward(logger, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(logger, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), data);
        try
        {
            await server.WaitHealthyAsync(healthPath, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        Log.ServerStarted(logger, process.Id, server.BaseUri);
        return server;
    }

    /// <summary>SIGKILL, as a crash: the node releases nothing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as systemd stops a unit on a deploy; completes when the process has exited.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start"))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitHealthyAsync(string healthPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(healthPath, UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The server did not become healthy within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Forward(ILogger logger, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Log.ServerOutput(logger, line);
        }
    }
}
