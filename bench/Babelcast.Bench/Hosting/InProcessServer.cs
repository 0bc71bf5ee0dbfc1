using Babelcast.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Bench.Hosting;

/// <summary>
/// The real server (Kestrel on a free port of 127.0.0.1, SQLite in a temporary directory) in the bench's own process:
/// it shares the Stopwatch clock, but its CPU includes the clients.
/// </summary>
public sealed class InProcessServer : IBenchServer
{
    private const string Password = "bench-admin-password-1";
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private InProcessServer(WebApplication app, Uri baseUri, string dataDirectory)
    {
        _app = app;
        BaseUri = baseUri;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseUri { get; }

    public int ProcessId => Environment.ProcessId;

    public bool Isolated => false;

    public string AdminPassword => Password;

    public static async Task<InProcessServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("babelcast-bench-").FullName;
        Environment.SetEnvironmentVariable("BABELCAST_ADMIN_PASSWORD", Password);
        var config = settings.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
        config["Babelcast:DataDirectory"] = data;
        var app = BabelcastApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(config));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new InProcessServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), data);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _app.StopAsync(cts.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing background task; the temporary directory is the OS's to clean.
            }
        }
    }
}
