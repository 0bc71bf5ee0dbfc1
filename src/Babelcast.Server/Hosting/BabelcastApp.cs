namespace Babelcast.Server.Hosting;

/// <summary>Builds the web application; shared by Program, the in-process test host and the bench's in-process server.</summary>
public static class BabelcastApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddBabelcast(builder.Configuration);
        var app = builder.Build();
        app.UseBabelcast();
        return app;
    }
}
