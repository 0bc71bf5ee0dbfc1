using System.Net;
using System.Net.Http.Json;
using Babelcast.Server.Cli;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cli;

/// <summary><c>users disable|enable|delete|reset-password</c>.</summary>
public sealed class UsersStateCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "babelcast-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task DisableEnable_ListShowsStateAndSignInFollowsIt()
    {
        Assert.Equal(0, (await RunAsync("", "add", "alice", "--password", "alice-password")).Code);

        var (code, stdout, stderr) = await RunAsync("", "disable", "alice");
        Assert.True(code == 0, stderr);
        Assert.Contains("alice", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\tdisabled", (await RunAsync("", "list")).Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("alice", "alice-password"));

        Assert.Equal(0, (await RunAsync("", "enable", "alice")).Code);
        Assert.DoesNotContain("disabled", (await RunAsync("", "list")).Stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("alice", "alice-password"));
    }

    [Fact]
    public async Task Delete_RemovesTheUser()
    {
        Assert.Equal(0, (await RunAsync("", "add", "bob", "--password", "bob-password")).Code);
        Assert.Equal(0, (await RunAsync("", "add", "carol", "--password", "carol-password")).Code);

        Assert.Equal(0, (await RunAsync("", "delete", "bob")).Code);

        var list = (await RunAsync("", "list")).Stdout;
        Assert.DoesNotContain("bob", list, StringComparison.Ordinal);
        Assert.Contains("carol\t", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_FromOptionAndStdin_OnlyTheNewPasswordWorks()
    {
        Assert.Equal(0, (await RunAsync("", "add", "dave", "--password", "old-password-1")).Code);

        var (code, _, stderr) = await RunAsync("", "reset-password", "dave", "--password", "new-password-1");
        Assert.True(code == 0, stderr);
        Assert.Equal(0, (await RunAsync("newer-password-2\n", "reset-password", "dave", "--password-stdin")).Code);

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("dave", "old-password-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("dave", "new-password-1"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("dave", "newer-password-2"));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("delete")]
    [InlineData("reset-password", "--password", "some-password-1")]
    public async Task UnknownUser_Returns1WithMessage(string command, params string[] rest)
    {
        var (code, _, stderr) = await RunAsync("", [command, "nobody", .. rest]);
        Assert.Equal(UsersCommand.Failure, code);
        Assert.Contains("no user 'nobody'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_TooShortOrBothSources_Rejected()
    {
        Assert.Equal(0, (await RunAsync("", "add", "erin", "--password", "erin-password")).Code);
        Assert.Equal(UsersCommand.Failure, (await RunAsync("", "reset-password", "erin", "--password", "short")).Code);
        Assert.Equal(UsersCommand.UsageError, (await RunAsync("", "reset-password", "erin", "--password", "long-enough-1", "--password-stdin")).Code);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("erin", "erin-password"));
    }

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

    private async Task<HttpStatusCode> SignInAsync(string username, string password)
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?> { ["Babelcast:DataDirectory"] = _dataDirectory });
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        return response.StatusCode;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UsersCommand.RunAsync([.. args, "--Babelcast:DataDirectory", _dataDirectory], input, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
