using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Babelcast.Server.Tests.Service;

/// <summary>
/// The published server started from the staged install the way its unit starts it (ExecStart, WorkingDirectory,
/// Environment; only the port is a free one on 127.0.0.1) under a stand-in service manager: .NET's systemd
/// integration recognises systemd as the parent process named "systemd" and talks to the NOTIFY_SOCKET it is given,
/// so a shell started under that name and a datagram socket of the test's own play that part.
/// </summary>
[Collection(StagedInstallCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ServiceStartTests(StagedInstall install)
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(3);
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;

    [Fact]
    public async Task StagedServer_StartedLikeTheUnit_NotifiesReadyLogsForTheJournalServesAndKeepsItsDataPrivate()
    {
        var work = Directory.CreateTempSubdirectory("babelcast-service-").FullName;
        Process? shell = null;
        try
        {
            var manager = Path.Combine(work, "systemd");
            File.CreateSymbolicLink(manager, "/bin/sh");
            using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            notify.Bind(new UnixDomainSocketEndPoint(Path.Combine(work, "notify")));

            var lines = new ConcurrentQueue<string>();
            shell = StartLikeTheUnit(manager, Path.Combine(work, "notify"), lines);
            await ExpectNotificationAsync(notify, "READY=1");

            var listening = await WaitForLineAsync(lines, ListeningLine(), Start);
            var baseUri = new Uri(ListeningLine().Match(listening).Groups["url"].Value);
            Assert.Matches(JournalPrefix(), listening); // "<6>category[id] message": the journal reads the priority

            using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
            using (var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            var page = await client.GetStringAsync(new Uri("/display/happy-otter-123", UriKind.Relative));
            Assert.Contains("/js/display.js", page, StringComparison.Ordinal); // the pages were published with the server

            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(install.StagedData));
            var database = Path.Combine(install.StagedData, "babelcast.db");
            Assert.True(File.Exists(database), "no database in " + install.StagedData);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database));
            var exposed = Directory.EnumerateFileSystemEntries(install.StagedData, "*", SearchOption.AllDirectories)
                .Where(f => (File.GetUnixFileMode(f) & GroupOrOther) != 0).ToList();
            Assert.True(exposed.Count == 0, "readable by others: " + string.Join(", ", exposed));

            // systemctl stop sends SIGTERM: the server tells the manager it is stopping and exits cleanly.
            var pid = int.Parse((await WaitForLineAsync(lines, PidLine(), Start))[4..], System.Globalization.CultureInfo.InvariantCulture);
            using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await ExpectNotificationAsync(notify, "STOPPING=1");
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await shell.WaitForExitAsync(exited.Token);
            Assert.True(shell.ExitCode == 0, $"exit code {shell.ExitCode}:\n{string.Join('\n', lines)}");
        }
        finally
        {
            if (shell is { HasExited: false })
            {
                shell.Kill(entireProcessTree: true);
            }

            shell?.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    private Process StartLikeTheUnit(string manager, string notifySocket, ConcurrentQueue<string> lines)
    {
        var settings = install.ServiceSettings();
        string Staged(string path) =>
            path.StartsWith(StagedInstall.Prefix, StringComparison.Ordinal) || path.StartsWith(StagedInstall.DataDirectory, StringComparison.Ordinal)
                ? install.Root + path
                : path;

        var execStart = settings.Single(s => s.Key == "ExecStart").Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var info = new ProcessStartInfo(manager)
        {
            WorkingDirectory = Staged(settings.Single(s => s.Key == "WorkingDirectory").Value),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The shell applies the unit's UMask, stays the server's parent (so the server sees a parent named systemd)
        // and reports the server's pid.
        var umask = settings.Single(s => s.Key == "UMask").Value;
        Assert.Matches("^0[0-7]{3}$", umask);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"umask {umask}; \"$0\" \"$@\" & echo \"pid=$!\"; wait $!");
        foreach (var argument in execStart)
        {
            info.ArgumentList.Add(Staged(argument));
        }

        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_WEBROOT", "ASPNETCORE_URLS" })
        {
            info.Environment.Remove(name);
        }

        foreach (var variable in settings.Where(s => s.Key == "Environment").Select(s => s.Value))
        {
            var eq = variable.IndexOf('=', StringComparison.Ordinal);
            info.Environment[variable[..eq]] = Staged(variable[(eq + 1)..]);
        }

        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["NOTIFY_SOCKET"] = notifySocket;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Collect(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private static async Task ExpectNotificationAsync(Socket notify, string expected)
    {
        using var cts = new CancellationTokenSource(Start);
        var buffer = new byte[4096];
        var seen = new List<string>();
        while (true)
        {
            int length;
            try
            {
                length = await notify.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {expected} on NOTIFY_SOCKET; got: {string.Join(" | ", seen)}");
            }

            var message = Encoding.UTF8.GetString(buffer, 0, length);
            seen.Add(message);
            if (message.Split('\n').Contains(expected))
            {
                return;
            }
        }
    }

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> lines, Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (lines.FirstOrDefault(pattern.IsMatch) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no line matching {pattern} in:\n{string.Join('\n', lines)}");
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^<[0-7]>Microsoft\.Hosting\.Lifetime\[[0-9]+\] ")]
    private static partial Regex JournalPrefix();

    [GeneratedRegex("^pid=[0-9]+$")]
    private static partial Regex PidLine();
}
