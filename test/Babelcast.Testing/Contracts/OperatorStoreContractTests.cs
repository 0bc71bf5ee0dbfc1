using Babelcast.Core.Storage;
using Xunit;
using static Babelcast.Testing.Contracts.StoreSamples;

namespace Babelcast.Testing.Contracts;

/// <summary>The behaviour every <see cref="IOperatorStore"/> must show. A backend's test class derives and supplies the stores.</summary>
public abstract class OperatorStoreContractTests
{
    /// <summary>An operator store, a session store and a user store over the same empty, migrated database; called once per test.</summary>
    protected abstract ValueTask<(IOperatorStore Operators, ISessionStore Sessions, IUserStore Users)> CreateStoresAsync();

    private static CancellationToken Ct => CancellationToken.None;

    private async Task<(IOperatorStore Operators, ISessionStore Sessions, IUserStore Users)> WithSessionsAsync(params string[] ids)
    {
        var stores = await CreateStoresAsync();
        foreach (var id in ids)
        {
            Assert.True(await stores.Sessions.TryCreateAsync(Session(id), Ct));
        }

        return stores;
    }

    [Fact]
    public async Task InviteAsync_New_ListedWithItsTime()
    {
        var (store, _, _) = await WithSessionsAsync("calm-river-1");

        Assert.Equal(OperatorInvite.Added, await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0), 10, Ct));

        Assert.Equal([new OperatorRecord("calm-river-1", "bob", T0)], await store.ListBySessionAsync("calm-river-1", Ct));
        Assert.True(await store.IsOperatorAsync("calm-river-1", "bob", Ct));
        Assert.False(await store.IsOperatorAsync("calm-river-1", "carol", Ct));
    }

    [Fact]
    public async Task InviteAsync_Twice_AlreadyInvitedAndTheFirstTimeKept()
    {
        var (store, _, _) = await WithSessionsAsync("calm-river-1");
        await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0), 10, Ct);

        Assert.Equal(OperatorInvite.AlreadyInvited, await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0.AddMinutes(5)), 10, Ct));

        Assert.Equal([new OperatorRecord("calm-river-1", "bob", T0)], await store.ListBySessionAsync("calm-river-1", Ct));
    }

    [Fact]
    public async Task InviteAsync_AtTheLimit_RefusedWhileAnotherSessionStillInvites()
    {
        var (store, _, _) = await WithSessionsAsync("calm-river-1", "calm-river-2");
        Assert.Equal(OperatorInvite.Added, await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0), 2, Ct));
        Assert.Equal(OperatorInvite.Added, await store.InviteAsync(new OperatorRecord("calm-river-1", "carol", T0.AddSeconds(1)), 2, Ct));

        Assert.Equal(OperatorInvite.LimitReached, await store.InviteAsync(new OperatorRecord("calm-river-1", "dave", T0.AddSeconds(2)), 2, Ct));
        Assert.Equal(OperatorInvite.AlreadyInvited, await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0.AddSeconds(3)), 2, Ct));
        Assert.Equal(OperatorInvite.Added, await store.InviteAsync(new OperatorRecord("calm-river-2", "dave", T0), 2, Ct));

        Assert.Equal(["bob", "carol"], (await store.ListBySessionAsync("calm-river-1", Ct)).Select(o => o.UserId));
    }

    [Fact]
    public async Task InviteAsync_ManyAtOnce_NeverPassTheLimit()
    {
        var (store, _, _) = await WithSessionsAsync("calm-river-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            store.InviteAsync(new OperatorRecord("calm-river-1", $"user{i}", T0.AddSeconds(i)), 5, Ct).AsTask()));

        Assert.Equal(5, results.Count(r => r == OperatorInvite.Added));
        Assert.Equal(5, (await store.ListBySessionAsync("calm-river-1", Ct)).Count);
    }

    [Fact]
    public async Task RevokeAsync_Invited_RemovedOnce()
    {
        var (store, _, _) = await WithSessionsAsync("calm-river-1");
        await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0), 10, Ct);

        Assert.True(await store.RevokeAsync("calm-river-1", "bob", Ct));
        Assert.False(await store.RevokeAsync("calm-river-1", "bob", Ct));

        Assert.Empty(await store.ListBySessionAsync("calm-river-1", Ct));
        Assert.False(await store.IsOperatorAsync("calm-river-1", "bob", Ct));
    }

    [Fact]
    public async Task ListByUserAsync_SeveralSessions_NewestInvitationFirstAndOnlyTheUsers()
    {
        var (store, _, _) = await WithSessionsAsync("calm-river-1", "calm-river-2", "calm-river-3");
        await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0), 10, Ct);
        await store.InviteAsync(new OperatorRecord("calm-river-2", "bob", T0.AddHours(1)), 10, Ct);
        await store.InviteAsync(new OperatorRecord("calm-river-3", "carol", T0.AddHours(2)), 10, Ct);

        Assert.Equal(["calm-river-2", "calm-river-1"], (await store.ListByUserAsync("bob", Ct)).Select(o => o.SessionId));
        Assert.Empty(await store.ListByUserAsync("nobody", Ct));
    }

    [Fact]
    public async Task UserDeleted_InvitationsGone_SoASameNamedAccountInheritsNone()
    {
        var (store, _, users) = await WithSessionsAsync("calm-river-1");
        Assert.True(await users.TryCreateAsync(new UserRecord("bob", "hash", T0), Ct));
        await store.InviteAsync(new OperatorRecord("calm-river-1", "bob", T0), 10, Ct);

        Assert.True(await users.DeleteAsync("bob", Ct));

        Assert.False(await store.IsOperatorAsync("calm-river-1", "bob", Ct));
        Assert.Empty(await store.ListByUserAsync("bob", Ct));
    }
}
