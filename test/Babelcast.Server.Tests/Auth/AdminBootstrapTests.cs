using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Babelcast.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Babelcast.Server.Tests.Auth;

public sealed partial class AdminBootstrapTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "babelcast-boot-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Start_NoAdminPassword_GeneratesPrintsOnceAndItWorks()
    {
        using var first = new CapturingLoggerProvider();
        string password;
        await using (var app = await StartAsync(first))
        {
            var line = Assert.Single(first.Messages, m => m.Contains("Generated password", StringComparison.Ordinal));
            password = GeneratedPassword().Match(line).Groups[1].Value;
            Assert.True(password.Length >= 20, line);
            Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(app, password));
        }

        using var second = new CapturingLoggerProvider();
        await using (var app = await StartAsync(second))
        {
            Assert.DoesNotContain(second.Messages, m => m.Contains("Generated password", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Messages, m => m.Contains(password, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(app, password));
        }
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

    private async Task<WebApplication> StartAsync(CapturingLoggerProvider logs)
    {
        var app = BabelcastApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Babelcast:DataDirectory"] = _dataDirectory,
                ["BABELCAST_ADMIN_PASSWORD"] = string.Empty,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            b.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(WebApplication app, string password)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password });
        return response.StatusCode;
    }

    [GeneratedRegex(@"\(shown only this once\): (\S+)")]
    private static partial Regex GeneratedPassword();

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IEnumerable<string> Messages => Queue;

        public ILogger CreateLogger(string categoryName) => new Logger(Queue);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> queue) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                queue.Enqueue(formatter(state, exception));
        }
    }
}
