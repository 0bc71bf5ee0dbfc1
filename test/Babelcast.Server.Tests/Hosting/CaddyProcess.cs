using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// A real Caddy (Debian's /usr/bin/caddy) running deploy/caddy/Caddyfile in front of a test server, with only the
/// upstream port replaced. Global options keep it to loopback ports and its own local CA instead of a public ACME CA
/// (automatic HTTPS for a public name needs the internet); its state, logs and CA live in a temporary directory.
/// </summary>
internal sealed class CaddyProcess : IAsyncDisposable
{
    public const string Executable = "/usr/bin/caddy";
    public const string ConfigFile = "deploy/caddy/Caddyfile";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private CaddyProcess(Process process, DirectoryInfo directory, int httpsPort, int httpPort)
    {
        _process = process;
        _directory = directory;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
    }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    /// <summary>The root certificate of Caddy's local CA, which issued the site's certificate.</summary>
    public string RootCertificatePath => Path.Combine(_directory.FullName, "data", "pki", "authorities", "local", "root.crt");

    public static async Task<CaddyProcess> StartAsync(Uri upstream, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("bc-caddy-");
        var (httpsPort, httpPort) = (FreePort(), FreePort());
        var site = await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, ConfigFile), cancellationToken);
        const string proxy = "reverse_proxy 127.0.0.1:5080";
        if (!site.Contains(proxy, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{ConfigFile} no longer contains '{proxy}': update the test with the file.");
        }

        site = site.Replace(proxy, $"reverse_proxy 127.0.0.1:{upstream.Port}", StringComparison.Ordinal);
        var config = Path.Combine(directory.FullName, "Caddyfile");
        await File.WriteAllTextAsync(config, GlobalOptions(directory.FullName, httpsPort, httpPort) + site, cancellationToken);

        var start = new ProcessStartInfo(Executable, ["run", "--config", config, "--adapter", "caddyfile"])
        {
            WorkingDirectory = directory.FullName,
        };
        foreach (var variable in new[] { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME" })
        {
            start.Environment[variable] = directory.FullName;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("caddy did not start.");
        var caddy = new CaddyProcess(process, directory, httpsPort, httpPort);
        try
        {
            await caddy.WaitReadyAsync(cancellationToken);
            return caddy;
        }
        catch
        {
            await caddy.DisposeAsync();
            throw;
        }
    }

    public string Log()
    {
        var path = Path.Combine(_directory.FullName, "caddy.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private static string GlobalOptions(string directory, int httpsPort, int httpPort) => $$"""
        {
        	admin off
        	local_certs
        	skip_install_trust
        	default_bind 127.0.0.1
        	http_port {{httpPort}}
        	https_port {{httpsPort}}
        	storage file_system {{directory}}/data
        	log {
        		output file {{directory}}/caddy.log
        	}
        }

        """;

    // Caddy listens before its certificate is issued: wait for both the port and the site's certificate.
    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var certificate = Path.Combine(_directory.FullName, "data", "certificates", "local", ProxyScenario.PublicHost, ProxyScenario.PublicHost + ".crt");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"caddy exited with {_process.ExitCode}:\n{Log()}");
            }

            if (File.Exists(certificate) && File.Exists(RootCertificatePath))
            {
                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync(IPAddress.Loopback, HttpsPort, cancellationToken);
                    return;
                }
                catch (SocketException)
                {
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"caddy was not ready on 127.0.0.1:{HttpsPort} within 20 s.\n{Log()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
