using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Babelcast.Testing;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// A real nginx (Debian's /usr/sbin/nginx) running deploy/nginx/babelcast.conf in front of a test server: the file
/// the operator guide includes, with only its ports, certificate paths and upstream replaced, so the guide cannot
/// drift from what is tested. Private prefix, pid, logs and temp paths in a temporary directory; loopback only.
/// </summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    public const string ConfigFile = "deploy/nginx/babelcast.conf";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private NginxProcess(Process process, DirectoryInfo directory, int httpsPort, int httpPort)
    {
        _process = process;
        _directory = directory;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
    }

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public static async Task<NginxProcess> StartAsync(Uri upstream, string certificatePem, string keyPem, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("bc-nginx-");
        var (httpsPort, httpPort) = (FreePort(), FreePort());
        var certificate = Path.Combine(directory.FullName, "fullchain.pem");
        var key = Path.Combine(directory.FullName, "privkey.pem");
        await File.WriteAllTextAsync(certificate, certificatePem, cancellationToken);
        await File.WriteAllTextAsync(key, keyPem, cancellationToken);

        var site = await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, ConfigFile), cancellationToken);
        site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        site = Replace(site, "listen [::]:443 ssl;", "# (IPv6 listener left out of the test)");
        site = Replace(site, "listen [::]:80;", "# (IPv6 listener left out of the test)");
        site = Replace(site, "/etc/letsencrypt/live/babelcast.example/fullchain.pem", certificate);
        site = Replace(site, "/etc/letsencrypt/live/babelcast.example/privkey.pem", key);
        site = Replace(site, "root /var/www/html;", $"root {directory.FullName};");
        site = Replace(site, "proxy_pass http://127.0.0.1:5080;", $"proxy_pass http://127.0.0.1:{upstream.Port};");
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "babelcast.conf"), site, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "nginx.conf"), MainConfig(directory.FullName), cancellationToken);

        var start = new ProcessStartInfo(Executable,
            ["-p", directory.FullName + "/", "-c", "nginx.conf", "-e", "error.log", "-g", "daemon off;"]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new NginxProcess(process, directory, httpsPort, httpPort);
        try
        {
            await nginx.WaitListeningAsync(cancellationToken);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    public string ErrorLog()
    {
        var path = Path.Combine(_directory.FullName, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The master and its worker: nothing of this nginx may outlive the test.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private static string Replace(string text, string from, string to) =>
        text.Contains(from, StringComparison.Ordinal)
            ? text.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"{ConfigFile} no longer contains '{from}': update the test with the file.");

    // What Debian's /etc/nginx/nginx.conf gives a site, minus the system paths; as root, workers stay root so they can
    // read the private temporary directory.
    private static string MainConfig(string directory) => $$"""
        {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        events { worker_connections 256; }
        http {
          access_log {{directory}}/access.log;
          client_body_temp_path {{directory}}/client_body;
          proxy_temp_path {{directory}}/proxy;
          fastcgi_temp_path {{directory}}/fastcgi;
          uwsgi_temp_path {{directory}}/uwsgi;
          scgi_temp_path {{directory}}/scgi;
          include {{directory}}/babelcast.conf;
        }
        """;

    private async Task WaitListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{ErrorLog()}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, HttpsPort, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"nginx did not listen on 127.0.0.1:{HttpsPort} within 15 s.\n{ErrorLog()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
