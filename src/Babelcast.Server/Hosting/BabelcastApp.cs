namespace Babelcast.Server.Hosting;

/// <summary>Builds the web application; shared by Program, the in-process test host and the bench's in-process server.</summary>
public static class BabelcastApp
{
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
}
