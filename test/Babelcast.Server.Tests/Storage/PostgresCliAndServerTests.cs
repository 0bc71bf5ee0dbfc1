using System.Net;
using System.Net.Http.Json;
using Babelcast.Server.Cli;
using Babelcast.Testing.Host;
using Babelcast.Testing.Postgres;

namespace Babelcast.Server.Tests.Storage;

/// <summary>The CLI and the server on the <c>postgres</c> provider, against a private PostgreSQL server.</summary>
[Trait("Category", "Cluster")]
public sealed class PostgresCliAndServerTests : IClassFixture<PrivatePostgresServer>
{
    private readonly PrivatePostgresServer _server;

    public PostgresCliAndServerTests(PrivatePostgresServer server) => _server = server;

    [Fact]
    public async Task UsersAdd_OnPostgres_UserSignsInOnAServerUsingTheSameDatabase()
    {
        var connectionString = await _server.CreateSchemaAsync();
        string[] storage = ["--Babelcast:Storage:Provider", "postgres", "--Babelcast:Storage:Postgres:ConnectionString", connectionString];
        const string password = "correct-horse-battery-staple";

        var (code, _, stderr) = await RunAsync(["add", "alice", "--password", password, .. storage]);
        Assert.True(code == 0, stderr);
        (code, var stdout, stderr) = await RunAsync(["list", .. storage]);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("alice\t", stdout, StringComparison.Ordinal);
        (code, _, stderr) = await RunAsync(["disable", "alice", .. storage]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = await RunAsync(["enable", "alice", .. storage]);
        Assert.True(code == 0, stderr);

        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Storage:Provider"] = "postgres",
            ["Babelcast:Storage:Postgres:ConnectionString"] = connectionString,
        });
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "alice", password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "babelcast.db")), "the postgres provider must not create the SQLite file");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UsersCommand.RunAsync(args, TextReader.Null, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
