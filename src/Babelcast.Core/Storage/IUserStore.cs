namespace Babelcast.Core.Storage;

public interface IUserStore
{
    /// <summary>Creates the user; false if the name is taken.</summary>
    ValueTask<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken);

    ValueTask<UserRecord?> FindAsync(string username, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken);

    ValueTask<bool> UpdatePasswordAsync(string username, string passwordHash, CancellationToken cancellationToken);
}
