using Babelcast.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace Babelcast.Storage.Sqlite;

/// <summary>
/// Migrates in the hosts' "starting" phase, which runs before any hosted service's StartAsync, so that
/// background services never meet an unmigrated database (and a bad path fails start-up, not the first request).
/// </summary>
internal sealed class SqliteStorageInitializationService(IStorageInitializer initializer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken).AsTask();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
