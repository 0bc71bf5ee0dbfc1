using Babelcast.Core.Storage;

namespace Babelcast.Server.Auth;

/// <summary>
/// On a fresh data directory creates the <c>admin</c> speaker, with the password from BABELCAST_ADMIN_PASSWORD or a
/// generated one that is logged once (only when the account is created, never on later starts).
/// </summary>
internal sealed class AdminBootstrapService(
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<AdminBootstrapService> logger) : IHostedService
{
    public const string AdminUsername = "admin";
    public const string PasswordVariable = "BABELCAST_ADMIN_PASSWORD";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IStorageInitializer>() is { } initializer)
        {
            // Idempotent; the store may not have migrated yet when this service starts first.
            await initializer.InitializeAsync(cancellationToken);
        }

        var users = scope.ServiceProvider.GetRequiredService<IUserStore>();
        if (await users.FindAsync(AdminUsername, cancellationToken) is not null)
        {
            return;
        }

        var configured = configuration[PasswordVariable];
        var generated = string.IsNullOrEmpty(configured);
        var password = generated ? Credentials.GeneratePassword() : configured!;
        if (Credentials.ValidatePassword(password) is { } problem)
        {
            throw new InvalidOperationException($"{PasswordVariable} is not usable: {problem}");
        }

        var user = new UserRecord(AdminUsername, PasswordHasher.Hash(password), timeProvider.GetUtcNow());
        if (!await users.TryCreateAsync(user, cancellationToken))
        {
            // Another process sharing the data directory created it first.
            return;
        }

        if (generated)
        {
            Log.AdminCreatedWithGeneratedPassword(logger, password);
        }
        else
        {
            Log.AdminCreatedFromEnvironment(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
