using Babelcast.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace Babelcast.Storage.Postgres;

/// <summary>
/// Migrates in the host's "starting" phase, before any hosted service's StartAsync, so that background services
/// never meet an unmigrated database and an unreachable server fails start-up, not the first request.
/// </summary>
internal sealed class PostgresStorageInitializationService(IStorageInitializer initializer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken).AsTask();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
