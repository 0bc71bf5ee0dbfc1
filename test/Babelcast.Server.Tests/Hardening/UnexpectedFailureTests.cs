using System.Net;
using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Testing.Host;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>A real failure inside a route (the store lost its table) becomes a generic problem, never internals.</summary>
public sealed class UnexpectedFailureTests
{
    [Fact]
    public async Task Route_StoreCorrupted_InternalErrorProblemWithTraceIdAndNoInternals()
    {
        await using var server = await BabelcastTestServer.StartAsync();
        var token = await server.GetTokenAsync();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "babelcast.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE sessions RENAME TO sessions_lost;";
            await command.ExecuteNonQueryAsync();
        }

        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync(new Uri("/api/sessions/happy-otter-123", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(ErrorCodes.InternalError, doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(500, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("traceId").GetString()));
        foreach (var secret in new[] { "Sqlite", "sessions", "Exception", "table", server.DataDirectory, " at " })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Route_StoreCorrupted_LoggedExactlyOnceWithTheProblemsTraceId()
    {
        await using var server = await BabelcastTestServer.StartAsync(null, services => services.AddLogging(l => l.AddFakeLogging()));
        var logs = server.Services.GetFakeLogCollector();
        var token = await server.GetTokenAsync();
        await LoseSessionsTableAsync(server);

        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync(new Uri("/api/sessions/happy-otter-123", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        // A later request on a new connection: whatever the first one's end logs is written by then.
        using (await client.GetAsync(new Uri("/healthz/live", UriKind.Relative)))
        {
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var doc = JsonDocument.Parse(body);
        var traceId = doc.RootElement.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.DoesNotContain(nameof(SqliteException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Exception), body, StringComparison.Ordinal);
        var failures = logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error || r.Exception is not null).ToList();
        var logged = Assert.Single(failures);
        Assert.IsType<SqliteException>(logged.Exception);
        Assert.Contains(traceId!, logged.Message, StringComparison.Ordinal);
    }

    private static async Task LoseSessionsTableAsync(BabelcastTestServer server)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "babelcast.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ALTER TABLE sessions RENAME TO sessions_lost;";
        await command.ExecuteNonQueryAsync();
    }
}
