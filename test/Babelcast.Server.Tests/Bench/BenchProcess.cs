using System.Diagnostics;
using System.Text;

namespace Babelcast.Server.Tests.Bench;

/// <summary>
/// Runs the built bench (<c>bench/Babelcast.Bench/bin/CONFIG/net10.0/Babelcast.Bench.dll</c>, found by walking up to
/// Babelcast.slnx) as its own process, as a person would: the tests do not reference the bench project.
/// </summary>
internal static class BenchProcess
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [FindDll(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
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
            throw new TimeoutException($"The bench did not finish within {timeout}; its output:\n{stdout}\n{stderr}");
        }

        // WaitForExitAsync has also waited for the asynchronous readers to drain both streams.
        return (process.ExitCode, stdout.ToString(), stderr.ToString());
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

    private static string FindDll()
    {
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "bench", "Babelcast.Bench", "bin", config, "net10.0", "Babelcast.Bench.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} not found: build the solution first (scripts/test.sh does).", dll);
            }
        }

        throw new DirectoryNotFoundException($"Babelcast.slnx not found above {AppContext.BaseDirectory}.");
    }
}
