using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Testing.Host;

/// <summary>
/// The real server (real Kestrel on 127.0.0.1, a free port, real SQLite in a temporary directory, real engines).
/// </summary>
public sealed class BabelcastTestServer : IAsyncDisposable
{
    public const string AdminPassword = "admin-test-password-1";

    private BabelcastTestServer(WebApplication app, string dataDirectory, Uri baseUri, Uri? httpsUri)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseUri = baseUri;
        HttpsUri = httpsUri;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string DataDirectory { get; }

    public Uri BaseUri { get; }

    /// <summary>The HTTPS address when Babelcast:Https:Mode is on (with Babelcast:Https:Port 0 for a free port).</summary>
    public Uri? HttpsUri { get; }

    public static Task<BabelcastTestServer> StartAsync(IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(settings, (Action<WebApplicationBuilder>?)null, cancellationToken);

    /// <summary>
    /// Starts a server whose <paramref name="services"/> are registered before the defaults, which use TryAdd: a test
    /// replaces a default this way, e.g. the <see cref="TimeProvider"/> with a fake clock.
    /// </summary>
    public static Task<BabelcastTestServer> StartAsync(
        IDictionary<string, string?>? settings, Action<IServiceCollection>? services, CancellationToken cancellationToken = default) =>
        StartAsync(settings, services is null ? null : b => services(b.Services), cancellationToken);

    /// <summary>Starts the server after <paramref name="configure"/> has had the builder (e.g. to replace an engine's registration).</summary>
    public static async Task<BabelcastTestServer> StartAsync(
        IDictionary<string, string?>? settings, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken = default)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "babelcast-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        Environment.SetEnvironmentVariable("BABELCAST_ADMIN_PASSWORD", AdminPassword);
        var config = new Dictionary<string, string?>
        {
            ["Babelcast:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("BABELCAST_TEST_LOGLEVEL") ?? "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            // Test classes open many short-lived sessions on one server (a dropped speaker keeps its place for the
            // reconnect grace): the automatic per-core limit would refuse them. Capacity tests set their own limit.
            ["Babelcast:Capacity:MaxSpeakingSessions"] = "10000",
            // Tests stream faster than real time and share loaded cores: node-wide shedding would then change what is
            // recognised (a cheaper final pass) in tests about something else. Its own tests drive it directly.
            ["Babelcast:Capacity:Shedding:Enabled"] = "false",
            // Every server of the suite readying every listener language at start would cost seconds of CPU each;
            // Spanish is the one most tests listen in. Warm-up tests set their own.
            ["Babelcast:Warmup:Languages"] = "es",
        };
        if (settings is not null)
        {
            foreach (var (k, v) in settings)
            {
                config[k] = v;
            }
        }

        var app = BabelcastApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(b);
        });
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.First(static a => a.StartsWith("http://", StringComparison.Ordinal));
        var https = addresses.FirstOrDefault(static a => a.StartsWith("https://", StringComparison.Ordinal));
        return new BabelcastTestServer(app, dataDirectory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)),
            https is null ? null : new Uri(https.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };

    public Uri WebSocketUri(string pathAndQuery) =>
        new(new Uri(BaseUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), pathAndQuery);

    public async Task<string> GetTokenAsync(string username = "admin", string password = AdminPassword, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates a session as <paramref name="token"/>'s user and returns its id.</summary>
    public async Task<string> CreateSessionAsync(string token, string sourceLanguage = "en", CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return doc.RootElement.GetProperty("sessionId").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await App.StopAsync(cts.Token);
        }
        finally
        {
            await App.DisposeAsync();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing background task; the temp directory is cleaned by the OS later.
            }
        }
    }
}
