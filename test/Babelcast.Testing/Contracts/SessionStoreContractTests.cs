using Babelcast.Core.Storage;
using Xunit;
using static Babelcast.Testing.Contracts.StoreSamples;

namespace Babelcast.Testing.Contracts;

/// <summary>The behaviour every <see cref="ISessionStore"/> must show. A backend's test class derives and supplies the store.</summary>
public abstract class SessionStoreContractTests
{
    /// <summary>A store over an empty, migrated database; called once per test.</summary>
    protected abstract ValueTask<ISessionStore> CreateStoreAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task TryCreateAsync_NewSession_ReturnsTrueAndGetReturnsIt()
    {
        var store = await CreateStoreAsync();
        var session = Session("s-1") with { QualityTier = "premium", SourceLanguage = "en-GB" };

        Assert.True(await store.TryCreateAsync(session, Ct));

        Assert.Equal(session, await store.GetAsync("s-1", Ct));
    }

    [Fact]
    public async Task TryCreateAsync_IdTaken_ReturnsFalseAndKeepsOriginal()
    {
        var store = await CreateStoreAsync();
        var original = Session("s-1", owner: "alice");
        await store.TryCreateAsync(original, Ct);

        Assert.False(await store.TryCreateAsync(Session("s-1", owner: "mallory", createdAt: T0.AddHours(1)), Ct));

        Assert.Equal(original, await store.GetAsync("s-1", Ct));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1"), Ct);

        Assert.Null(await store.GetAsync("s-2", Ct));
    }

    [Fact]
    public async Task TryCreateAsync_UnicodeFields_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var session = Session("s-ü", owner: "Zoë 王 👋") with { QualityTier = UnicodeText };

        await store.TryCreateAsync(session, Ct);

        Assert.Equal(session, await store.GetAsync("s-ü", Ct));
        Assert.Equal([session], await store.ListByOwnerAsync("Zoë 王 👋", Ct));
    }

    [Fact]
    public async Task ListByOwnerAsync_SeveralOwners_ReturnsOnlyTheOwnersNewestFirst()
    {
        var store = await CreateStoreAsync();
        var older = Session("b-older", owner: "alice", createdAt: T0);
        var newest = Session("a-newest", owner: "alice", createdAt: T0.AddMinutes(2));
        var middle = Session("c-middle", owner: "alice", createdAt: T0.AddMinutes(1));
        await store.TryCreateAsync(older, Ct);
        await store.TryCreateAsync(newest, Ct);
        await store.TryCreateAsync(Session("other", owner: "bob", createdAt: T0.AddMinutes(5)), Ct);
        await store.TryCreateAsync(middle, Ct);

        Assert.Equal([newest, middle, older], await store.ListByOwnerAsync("alice", Ct));
    }

    [Fact]
    public async Task ListByOwnerAsync_UnknownOwner_ReturnsEmpty()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1", owner: "alice"), Ct);

        Assert.Empty(await store.ListByOwnerAsync("bob", Ct));
    }

    [Fact]
    public async Task UpdateQualityTierAsync_LiveSession_StoresTier()
    {
        var store = await CreateStoreAsync();
        var session = Session("s-1");
        await store.TryCreateAsync(session, Ct);
        var now = T0.AddMinutes(2);

        var updated = await store.UpdateQualityTierAsync("s-1", "premium", now, Ct);

        var expected = session with { QualityTier = "premium", UpdatedAt = now };
        Assert.Equal(expected, updated);
        Assert.Equal(expected, await store.GetAsync("s-1", Ct));
    }

    [Fact]
    public async Task UpdateQualityTierAsync_EndedSession_LeavesTier()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1"), Ct);
        await store.UpdateStatusAsync("s-1", SessionStatus.Ended, T0.AddMinutes(1), Ct);

        var updated = await store.UpdateQualityTierAsync("s-1", "premium", T0.AddMinutes(2), Ct);

        Assert.Equal("standard", updated!.QualityTier);
        Assert.Null(await store.UpdateQualityTierAsync("nope", "premium", T0, Ct));
    }

    [Fact]
    public async Task UpdateStatusAsync_ActiveToPaused_ReturnsUpdatedRecord()
    {
        var store = await CreateStoreAsync();
        var session = Session("s-1");
        await store.TryCreateAsync(session, Ct);
        var now = T0.AddMinutes(3);

        var updated = await store.UpdateStatusAsync("s-1", SessionStatus.Paused, now, Ct);

        var expected = session with { Status = SessionStatus.Paused, UpdatedAt = now };
        Assert.Equal(expected, updated);
        Assert.Equal(expected, await store.GetAsync("s-1", Ct));
    }

    [Fact]
    public async Task UpdateStatusAsync_PausedToActive_ReturnsActive()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1", status: SessionStatus.Paused), Ct);

        var updated = await store.UpdateStatusAsync("s-1", SessionStatus.Active, T0.AddMinutes(1), Ct);

        Assert.Equal(SessionStatus.Active, updated?.Status);
        Assert.Null(updated?.EndedAt);
    }

    [Fact]
    public async Task UpdateStatusAsync_Ended_SetsEndedAt()
    {
        var store = await CreateStoreAsync();
        var session = Session("s-1");
        await store.TryCreateAsync(session, Ct);
        var now = T0.AddMinutes(10);

        var updated = await store.UpdateStatusAsync("s-1", SessionStatus.Ended, now, Ct);

        var expected = session with { Status = SessionStatus.Ended, UpdatedAt = now, EndedAt = now };
        Assert.Equal(expected, updated);
        Assert.Equal(expected, await store.GetAsync("s-1", Ct));
    }

    [Theory]
    [InlineData(SessionStatus.Active)]
    [InlineData(SessionStatus.Paused)]
    [InlineData(SessionStatus.Ended)]
    public async Task UpdateStatusAsync_AlreadyEnded_LeavesRecordUnchanged(SessionStatus status)
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1"), Ct);
        var ended = await store.UpdateStatusAsync("s-1", SessionStatus.Ended, T0.AddMinutes(10), Ct);

        var again = await store.UpdateStatusAsync("s-1", status, T0.AddMinutes(20), Ct);

        Assert.NotNull(ended);
        Assert.Equal(ended, again);
        Assert.Equal(ended, await store.GetAsync("s-1", Ct));
    }

    [Fact]
    public async Task UpdateStatusAsync_UnknownId_ReturnsNullAndCreatesNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.UpdateStatusAsync("nope", SessionStatus.Paused, T0, Ct));
        Assert.Null(await store.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task TouchAsync_KnownSession_MovesLastActivityOnly()
    {
        var store = await CreateStoreAsync();
        var session = Session("s-1");
        await store.TryCreateAsync(session, Ct);
        var now = T0.AddMinutes(7);

        await store.TouchAsync("s-1", now, Ct);

        Assert.Equal(session with { LastActivityAt = now }, await store.GetAsync("s-1", Ct));
    }

    [Fact]
    public async Task TouchAsync_UnknownId_DoesNothing()
    {
        var store = await CreateStoreAsync();

        await store.TouchAsync("nope", T0, Ct);

        Assert.Null(await store.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task ListExpiredAsync_MixedSessions_ReturnsIdleAndExpiredButNotEnded()
    {
        var store = await CreateStoreAsync();
        var idleBefore = T0.AddMinutes(30);
        var now = T0.AddMinutes(60);
        var idle = Session("idle", lastActivityAt: T0.AddMinutes(10), expiresAt: T0.AddHours(8));
        var expired = Session("expired", lastActivityAt: T0.AddMinutes(59), expiresAt: T0.AddMinutes(59));
        var idlePaused = Session("idle-paused", status: SessionStatus.Paused, lastActivityAt: T0.AddMinutes(29));
        var fresh = Session("fresh", lastActivityAt: T0.AddMinutes(45), expiresAt: T0.AddHours(8));
        var onIdleBoundary = Session("idle-boundary", lastActivityAt: idleBefore, expiresAt: T0.AddHours(8));
        var onExpiryBoundary = Session("expiry-boundary", lastActivityAt: T0.AddMinutes(50), expiresAt: now);
        var endedIdle = Session("ended", status: SessionStatus.Ended, lastActivityAt: T0, expiresAt: T0.AddMinutes(1));
        foreach (var s in new[] { idle, expired, idlePaused, fresh, onIdleBoundary, onExpiryBoundary, endedIdle })
        {
            Assert.True(await store.TryCreateAsync(s, Ct));
        }

        var listed = await store.ListExpiredAsync(idleBefore, now, Ct);

        Assert.Equal(["expired", "idle", "idle-paused"], listed.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(idle, listed.Single(s => s.Id == "idle"));
    }

    [Fact]
    public async Task ListExpiredAsync_AfterTouch_LeavesSessionOut()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1", lastActivityAt: T0), Ct);

        await store.TouchAsync("s-1", T0.AddMinutes(40), Ct);

        Assert.Empty(await store.ListExpiredAsync(T0.AddMinutes(30), T0.AddMinutes(41), Ct));
    }

    [Fact]
    public async Task ListExpiredAsync_AfterEnding_LeavesSessionOut()
    {
        var store = await CreateStoreAsync();
        await store.TryCreateAsync(Session("s-1", lastActivityAt: T0, expiresAt: T0.AddMinutes(1)), Ct);
        Assert.Single(await store.ListExpiredAsync(T0.AddMinutes(30), T0.AddMinutes(60), Ct));

        await store.UpdateStatusAsync("s-1", SessionStatus.Ended, T0.AddMinutes(61), Ct);

        Assert.Empty(await store.ListExpiredAsync(T0.AddMinutes(30), T0.AddMinutes(60), Ct));
    }
}
