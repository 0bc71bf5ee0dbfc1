using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Babelcast.Server.Hosting;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>The real server process, started on a port that another socket already holds.</summary>
public sealed class PortInUseTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "babelcast-port-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Start_PortTaken_ExitsNonZeroNamingTheSetting()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var url = $"http://127.0.0.1:{port}";

        var (code, output) = await RunServerAsync(TimeSpan.FromMinutes(2), "--urls", url);

        Assert.True(code == BabelcastApp.AddressInUseExitCode, $"exit code {code}; output:\n{output}");
        Assert.Contains($"Cannot start: Failed to bind to address {url}", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.Contains("BABELCAST_URL", output, StringComparison.Ordinal);
        Assert.Contains("Urls setting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HttpsPortTaken_ExitsNonZeroNamingHttpsPort()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (code, output) = await RunServerAsync(TimeSpan.FromMinutes(2),
            "--urls", "http://127.0.0.1:0", "--Babelcast:Https:Mode=self-signed", $"--Babelcast:Https:Port={port}");

        Assert.True(code == BabelcastApp.AddressInUseExitCode, $"exit code {code}; output:\n{output}");
        Assert.Contains($"Cannot start: Failed to bind to address https://127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.Contains("Babelcast:Https:Port", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<(int Code, string Output)> RunServerAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [ServerDll(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["Babelcast__DataDirectory"] = _dataDirectory;
        info.Environment["BABELCAST_ADMIN_PASSWORD"] = "port-test-password-1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server did not stop within {timeout}; its output:\n{output}");
        }

        return (process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is not null)
        {
            lock (sb)
            {
                sb.AppendLine(line);
            }
        }
    }

    /// <summary>The server as built next to this test (Release or Debug alike), found by walking up to Babelcast.slnx.</summary>
    private static string ServerDll()
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Babelcast.Server", "bin", config, "net10.0", "babelcast.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} not found: build the solution first.", dll);
            }
        }

        throw new DirectoryNotFoundException($"Babelcast.slnx not found above {AppContext.BaseDirectory}.");
    }
}
