using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>A server that serves the real pages from the source tree (the test host has no published wwwroot).</summary>
public sealed class PagesServerFixture : IAsyncLifetime
{
    private BabelcastTestServer? _server;

    public BabelcastTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public static string WebRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "src", "Babelcast.Server", "wwwroot");
        }
    }

    public async Task InitializeAsync()
    {
        // The same variable the end-to-end tests set: the web root is fixed when the host is built.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_WEBROOT")))
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_WEBROOT", WebRoot);
        }

        _server = await BabelcastTestServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(45));
        }
    }
}
