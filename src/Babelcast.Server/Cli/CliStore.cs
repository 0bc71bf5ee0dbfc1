using Babelcast.Server.Hosting;
using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.Cli;

/// <summary>
/// A minimal host around the configured store (appsettings, environment, command line: the same
/// configuration as the server, so Babelcast:DataDirectory and Babelcast:Storage:Provider apply), migrated and ready.
/// </summary>
internal sealed class CliStore : IAsyncDisposable
{
    private readonly IHost _host;

    private CliStore(IHost host)
    {
        _host = host;
        Users = host.Services.GetRequiredService<IUserStore>();
        TimeProvider = host.Services.GetRequiredService<TimeProvider>();
    }

    public IUserStore Users { get; }

    public TimeProvider TimeProvider { get; }

    public static async Task<CliStore> OpenAsync(IReadOnlyList<string> configurationArgs, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. configurationArgs] });

        // The command's own output is the interface; store logs would only clutter it.
        builder.Logging.ClearProviders();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBabelcastStorage(builder.Configuration);
        var host = builder.Build();
        try
        {
            if (host.Services.GetService<IStorageInitializer>() is { } initializer)
            {
                await initializer.InitializeAsync(cancellationToken);
            }

            return new CliStore(host);
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }
    }

    public ValueTask DisposeAsync() => DisposeHostAsync(_host);

    private static async ValueTask DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
