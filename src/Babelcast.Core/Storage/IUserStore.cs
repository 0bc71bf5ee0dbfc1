namespace Babelcast.Core.Storage;

public interface IUserStore
{
    /// <summary>Creates the user; false if the name is taken.</summary>
    ValueTask<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken);

    ValueTask<UserRecord?> FindAsync(string username, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the hash and raises the token version (earlier tokens die); false if the user does not exist.</summary>
    ValueTask<bool> UpdatePasswordAsync(string username, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Disables or enables the user and raises the token version; false if the user does not exist.</summary>
    ValueTask<bool> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken);

    /// <summary>Deletes the user; false if the user does not exist.</summary>
    ValueTask<bool> DeleteAsync(string username, CancellationToken cancellationToken);
}
