using Babelcast.Server.Https;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>Builds the web application; shared by Program, the in-process test host and the bench's in-process server.</summary>
public static class BabelcastApp
{
    /// <summary>The exit code when the listen address is taken.</summary>
    public const int AddressInUseExitCode = 3;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // Under systemd (Type=notify): readiness and stopping reported to the service manager, log lines in the
        // journal's format with priorities. Elsewhere this does nothing.
        builder.Services.AddSystemd();
        builder.Services.AddBabelcast(builder.Configuration);
        var app = builder.Build();
        app.UseBabelcast();
        return app;
    }

    /// <summary>Runs the server until shutdown; a listen address already in use ends it with a message naming the setting.</summary>
    public static async Task<int> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                // Logged before the host is disposed, so that the console logger still flushes it; the services that
                // had started (sweepers, warm-up) are stopped in order rather than cancelled by the disposal.
                if (HttpsPortInUse.Matches(e.Message, app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value))
                {
                    HttpsLog.PortInUse(app.Logger, e.Message);
                }
                else
                {
                    HostingLog.AddressInUse(app.Logger, e.Message);
                }
                await app.StopAsync(cancellationToken);
                return AddressInUseExitCode;
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
    }
}
