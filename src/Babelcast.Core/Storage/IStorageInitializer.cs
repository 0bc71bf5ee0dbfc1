namespace Babelcast.Core.Storage;

/// <summary>
/// Prepares the storage backend: creates the database if missing and applies pending schema migrations.
/// Safe to call more than once and from several callers at the same time.
/// </summary>
public interface IStorageInitializer
{
    ValueTask InitializeAsync(CancellationToken cancellationToken);
}
