using System.Net;
using System.Net.Http.Json;
using System.Text;
using Babelcast.Server.Cli;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cli;

public sealed class UsersCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "babelcast-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task AddThenList_PasswordOption_CreatesHashedUserThatCanSignIn()
    {
        const string password = "correct-horse-battery-staple";
        var (code, stdout, stderr) = await RunAsync("", "add", "alice", "--password", password);
        Assert.True(code == 0, stderr);
        Assert.Contains("alice", stdout, StringComparison.Ordinal);

        (code, stdout, _) = await RunAsync("", "list");
        Assert.Equal(0, code);
        Assert.StartsWith("alice\t", stdout, StringComparison.Ordinal);

        foreach (var file in Directory.EnumerateFiles(_dataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(password, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(password, Encoding.Unicode.GetString(bytes), StringComparison.Ordinal);
        }

        Assert.Contains("pbkdf2-sha256$", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(_dataDirectory, "babelcast.db"))) +
            (File.Exists(Path.Combine(_dataDirectory, "babelcast.db-wal")) ? Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(_dataDirectory, "babelcast.db-wal"))) : ""), StringComparison.Ordinal);

        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?> { ["Babelcast:DataDirectory"] = _dataDirectory });
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "alice", password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Add_PasswordFromStdin_ByDefaultAndWithFlag()
    {
        Assert.Equal(0, (await RunAsync("first-password\n", "add", "bob")).Code);
        Assert.Equal(0, (await RunAsync("second-password\n", "add", "carol", "--password-stdin")).Code);
        var (_, stdout, _) = await RunAsync("", "list");
        Assert.Contains("bob\t", stdout, StringComparison.Ordinal);
        Assert.Contains("carol\t", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad-Name", "valid-password")]
    [InlineData("x", "valid-password")]
    [InlineData("has space", "valid-password")]
    [InlineData("dave", "short")]
    public async Task Add_InvalidUsernameOrPassword_Returns1WithMessage(string username, string password)
    {
        var (code, _, stderr) = await RunAsync("", "add", username, "--password", password);
        Assert.Equal(UsersCommand.Failure, code);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        var (_, list, _) = await RunAsync("", "list");
        Assert.DoesNotContain(username, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ExistingUserOrEmptyStdin_Returns1()
    {
        Assert.Equal(0, (await RunAsync("", "add", "erin", "--password", "erin-password")).Code);
        var (code, _, stderr) = await RunAsync("", "add", "erin", "--password", "other-password");
        Assert.Equal(UsersCommand.Failure, code);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal(UsersCommand.Failure, (await RunAsync("", "add", "frank")).Code);
    }

    [Theory]
    [InlineData]
    [InlineData("remove", "x")]
    [InlineData("add")]
    [InlineData("add", "gina", "--password")]
    [InlineData("add", "gina", "--password", "abcdefghi", "--password-stdin")]
    [InlineData("add", "gina", "extra", "--password", "abcdefghi")]
    public async Task Run_BadUsage_Returns2WithUsage(params string[] args)
    {
        var (code, _, stderr) = await RunAsync("", args);
        Assert.Equal(UsersCommand.UsageError, code);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "--help")]
    [InlineData("users", "add", "--help")]
    [InlineData("--help")]
    public async Task Run_Help_PrintsUsageOnStdoutAndReturns0(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BabelcastCli.RunAsync(args, TextReader.Null, output, error, CancellationToken.None);

        Assert.True(code == UsersCommand.Success, error.ToString());
        var help = output.ToString();
        Assert.Contains("Usage:", help, StringComparison.Ordinal);
        Assert.Contains(args.Length == 3 ? "--password-stdin" : "users", help, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dataDirectory));
    }

    [Theory]
    [InlineData("Unrecognized command or argument '--password'", "list", "--password", "secret-password")]
    [InlineData("Unrecognized command or argument 'remove'", "remove", "x")]
    [InlineData("--password", "add", "gina", "--password")]
    public async Task Run_BadOption_ExplainsOnStderrAndReturns2(string expected, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync("", args);

        Assert.Equal(UsersCommand.UsageError, code);
        Assert.Contains(expected, stderr.Split("Usage:")[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData(true, "users", "list")]
    [InlineData(true, "--help")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://127.0.0.1:5000")]
    [InlineData(false, "--Babelcast:DataDirectory=/srv/babelcast", "users")]
    [InlineData(false, "--environment", "Production")]
    public void Handles_OnlyCliCommandLines_LeavesServerArgumentsToTheServer(bool expected, params string[] args) =>
        Assert.Equal(expected, BabelcastCli.Handles(args));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = args.Length == 0 ? [] : [.. args, "--Babelcast:DataDirectory", _dataDirectory];
        var code = await UsersCommand.RunAsync(all, input, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
