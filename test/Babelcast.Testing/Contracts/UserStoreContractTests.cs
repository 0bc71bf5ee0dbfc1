using Babelcast.Core.Storage;
using Xunit;
using static Babelcast.Testing.Contracts.StoreSamples;

namespace Babelcast.Testing.Contracts;

/// <summary>The behaviour every <see cref="IUserStore"/> must show. A backend's test class derives and supplies the store.</summary>
public abstract class UserStoreContractTests
{
    /// <summary>A store over an empty, migrated database; called once per test.</summary>
    protected abstract ValueTask<IUserStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task TryCreateAsync_NewUser_ReturnsTrueAndFindReturnsIt()
    {
        var store = await CreateStoreAsync();
        var user = new UserRecord("alice", "pbkdf2$1$salt$hash", T0);

        Assert.True(await store.TryCreateAsync(user, Ct));

        Assert.Equal(user, await store.FindAsync("alice", Ct));
    }

    [Fact]
    public async Task TryCreateAsync_NameTaken_ReturnsFalseAndKeepsOriginal()
    {
        var store = await CreateStoreAsync();
        var original = new UserRecord("alice", "hash-1", T0);
        await store.TryCreateAsync(original, Ct);

        Assert.False(await store.TryCreateAsync(new UserRecord("alice", "hash-2", T0.AddMinutes(1)), Ct));

        Assert.Equal(original, await store.FindAsync("alice", Ct));
        Assert.Single(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task FindAsync_UnknownName_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(new UserRecord("alice", "hash", T0), Ct);

        Assert.Null(await store.FindAsync("bob", Ct));
    }

    [Fact]
    public async Task ListAsync_NoUsers_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task ListAsync_SeveralUsers_ReturnsEveryUser()
    {
        var store = await CreateStoreAsync();
        var users = new[]
        {
            new UserRecord("carol", "h3", T0.AddSeconds(2)),
            new UserRecord("alice", "h1", T0),
            new UserRecord("bob", "h2", T0.AddSeconds(1)),
        };
        foreach (var user in users)
        {
            Assert.True(await store.TryCreateAsync(user, Ct));
        }

        var listed = await store.ListAsync(Ct);

        Assert.Equal(users.OrderBy(u => u.Username, StringComparer.Ordinal), listed.OrderBy(u => u.Username, StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdatePasswordAsync_KnownUser_ReturnsTrueAndReplacesHashAndRaisesTokenVersion()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(new UserRecord("alice", "old-hash", T0), Ct);
        await store.TryCreateAsync(new UserRecord("bob", "bob-hash", T0), Ct);

        Assert.True(await store.UpdatePasswordAsync("alice", "new-hash", Ct));

        Assert.Equal(new UserRecord("alice", "new-hash", T0, Disabled: false, TokenVersion: 1), await store.FindAsync("alice", Ct));
        Assert.Equal(new UserRecord("bob", "bob-hash", T0), await store.FindAsync("bob", Ct));
    }

    [Fact]
    public async Task UpdatePasswordAsync_UnknownUser_ReturnsFalseAndCreatesNothing()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.UpdatePasswordAsync("nobody", "hash", Ct));

        Assert.Null(await store.FindAsync("nobody", Ct));
        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task TryCreateAsync_UnicodeNameAndHash_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var user = new UserRecord("Zoë-王-👋", UnicodeText, T0);

        Assert.True(await store.TryCreateAsync(user, Ct));

        Assert.Equal(user, await store.FindAsync("Zoë-王-👋", Ct));
        Assert.Equal([user], await store.ListAsync(Ct));
    }

    [Fact]
    public async Task TryCreateAsync_DisabledAndTokenVersion_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var user = new UserRecord("alice", "hash", T0, Disabled: true, TokenVersion: 7);

        Assert.True(await store.TryCreateAsync(user, Ct));

        Assert.Equal(user, await store.FindAsync("alice", Ct));
        Assert.Equal([user], await store.ListAsync(Ct));
    }

    [Fact]
    public async Task SetDisabledAsync_KnownUser_TogglesAndRaisesTokenVersionEachTime()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(new UserRecord("alice", "hash", T0), Ct);
        await store.TryCreateAsync(new UserRecord("bob", "bob-hash", T0), Ct);

        Assert.True(await store.SetDisabledAsync("alice", true, Ct));
        Assert.Equal(new UserRecord("alice", "hash", T0, Disabled: true, TokenVersion: 1), await store.FindAsync("alice", Ct));

        Assert.True(await store.SetDisabledAsync("alice", false, Ct));
        Assert.Equal(new UserRecord("alice", "hash", T0, Disabled: false, TokenVersion: 2), await store.FindAsync("alice", Ct));
        Assert.Equal(new UserRecord("bob", "bob-hash", T0), await store.FindAsync("bob", Ct));
    }

    [Fact]
    public async Task SetDisabledAsync_UnknownUser_ReturnsFalseAndCreatesNothing()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.SetDisabledAsync("nobody", true, Ct));

        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task DeleteAsync_KnownUser_RemovesOnlyThatUser()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(new UserRecord("alice", "hash", T0), Ct);
        await store.TryCreateAsync(new UserRecord("bob", "bob-hash", T0), Ct);

        Assert.True(await store.DeleteAsync("alice", Ct));

        Assert.Null(await store.FindAsync("alice", Ct));
        Assert.Equal([new UserRecord("bob", "bob-hash", T0)], await store.ListAsync(Ct));
        Assert.False(await store.DeleteAsync("alice", Ct));
    }
}
