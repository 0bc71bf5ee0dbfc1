namespace Babelcast.Server.Tests.Bench;

/// <summary>The bench's command line (System.CommandLine) as a person meets it: help, and clear errors with exit code 2.</summary>
public sealed class BenchCommandLineTests
{
    [Fact]
    public async Task Run_Help_ListsModesAndOptionsAndExits0()
    {
        var (code, stdout, stderr) = await BenchProcess.RunAsync(TimeSpan.FromMinutes(1), "--help");

        Assert.True(code == 0, stderr);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        foreach (var word in new[] { "latency", "speakers", "fanout", "--smoke", "--listeners", "--set", "--server" })
        {
            Assert.Contains(word, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("'--bogus'", "latency", "--bogus")]
    [InlineData("'warp'", "warp", "--smoke")]
    [InlineData("'many'", "fanout", "--smoke", "--listeners", "50,many")]
    [InlineData("'Babelcast:Broken'", "latency", "--smoke", "--set", "Babelcast:Broken")]
    [InlineData("'elsewhere'", "latency", "--server", "elsewhere")]
    [InlineData("--frame-ms must be at least 1", "latency", "--frame-ms", "0")]
    public async Task Run_BadArgument_NamesItOnStderrAndExits2(string named, params string[] args)
    {
        var (code, stdout, stderr) = await BenchProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, code);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Scenario", stdout + stderr, StringComparison.Ordinal);
    }
}
