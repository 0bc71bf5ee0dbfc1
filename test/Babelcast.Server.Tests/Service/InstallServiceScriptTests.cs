using System.Globalization;
using System.Text.RegularExpressions;

namespace Babelcast.Server.Tests.Service;

/// <summary>
/// scripts/install-service.sh in --dry-run mode: the unit it writes passes systemd's own checks (systemd-analyze runs
/// without a running systemd), is sandboxed, and a second run changes nothing.
/// </summary>
[Collection(StagedInstallCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class InstallServiceScriptTests(StagedInstall install)
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Unit_SystemdAnalyzeVerify_PassesWithoutWarnings()
    {
        var (exit, output) = await ProcessRunner.RunAsync("systemd-analyze", ["verify", install.UnitPath], Quick);

        Assert.True(exit == 0, $"systemd-analyze verify failed ({exit}):\n{output}");
        // Bad values are only warnings (exit 0): any line naming the unit is a problem with it.
        var warnings = output.Split('\n').Where(l => l.Contains(StagedInstall.UnitName, StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    [Fact]
    public async Task Unit_SystemdAnalyzeSecurity_ExposureRatedOk()
    {
        var (exit, output) = await ProcessRunner.RunAsync("systemd-analyze", ["security", "--offline=yes", install.UnitPath], Quick);

        Assert.True(exit == 0, output);
        var match = Exposure().Match(output);
        Assert.True(match.Success, "no overall exposure in:\n" + output);
        // 0 is fully locked down, 10 is unprotected; systemd calls below 2.0 "OK" (network services cannot reach 0).
        Assert.InRange(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 0, 2.0);
    }

    [Fact]
    public void Unit_Settings_NotifyServiceWritingOnlyItsDataDirectory()
    {
        var settings = install.ServiceSettings();
        string One(string key) => Assert.Single(settings, s => s.Key == key).Value;

        Assert.Equal("notify", One("Type"));
        Assert.Equal("babelcast", One("User"));
        Assert.Equal($"/usr/bin/dotnet {StagedInstall.Prefix}/babelcast.dll", One("ExecStart").Replace(DotnetHost(), "/usr/bin/dotnet", StringComparison.Ordinal));
        Assert.Equal(StagedInstall.Prefix, One("WorkingDirectory"));
        Assert.Equal("strict", One("ProtectSystem"));
        Assert.Equal(StagedInstall.DataDirectory, One("ReadWritePaths"));
        Assert.Equal("", One("CapabilityBoundingSet"));
        foreach (var key in new[] { "NoNewPrivileges", "PrivateTmp", "ProtectHome", "ProtectKernelTunables", "ProtectKernelModules", "ProtectControlGroups", "LockPersonality", "RestrictSUIDSGID" })
        {
            Assert.Equal("yes", One(key));
        }

        // The .NET JIT needs writable executable memory: the unit must not forbid it.
        Assert.DoesNotContain(settings, s => s.Key == "MemoryDenyWriteExecute" && s.Value == "yes");
        var environment = settings.Where(s => s.Key == "Environment").Select(s => s.Value).ToList();
        Assert.Contains($"Babelcast__DataDirectory={StagedInstall.DataDirectory}", environment);
        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:5080", environment);
        Assert.Equal("0077", One("UMask"));
    }

    [Fact]
    public async Task DryRun_SecondRun_ChangesNothingAndKeepsTheData()
    {
        var marker = Path.Combine(install.StagedData, "kept.txt");
        await File.WriteAllTextAsync(marker, "data");
        var unitBefore = await File.ReadAllTextAsync(install.UnitPath);

        var (exit, output) = await ProcessRunner.RunAsync("bash", install.DryRunArguments("--no-publish"), Quick);

        Assert.True(exit == 0, output);
        Assert.Contains("unchanged", output, StringComparison.Ordinal);
        Assert.Equal(unitBefore, await File.ReadAllTextAsync(install.UnitPath));
        Assert.True(File.Exists(marker));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(install.StagedData));
        Assert.True(File.Exists(Path.Combine(install.StagedPrefix, "babelcast.dll")));
        File.Delete(marker);
    }

    [Theory]
    [InlineData("--prefix", "relative/path")]
    [InlineData("--data-dir", "/var/lib/with space")]
    [InlineData("--user", "Root;rm")]
    [InlineData("--bogus", "x")]
    public async Task DryRun_BadOption_RefusedBeforeWritingAnything(string option, string value)
    {
        var root = Directory.CreateTempSubdirectory("babelcast-bad-").FullName;
        try
        {
            var (exit, output) = await ProcessRunner.RunAsync("bash", [install.Script, "--dry-run", "--root", root, option, value], Quick);

            Assert.NotEqual(0, exit);
            Assert.Contains("install-service:", output, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "dotnet")).First(File.Exists);

    [GeneratedRegex(@"Overall exposure level for babelcast\.service: ([0-9.]+)")]
    private static partial Regex Exposure();
}
