using Babelcast.Core.Storage;
using Xunit;
using static Babelcast.Testing.Contracts.StoreSamples;

namespace Babelcast.Testing.Contracts;

/// <summary>The behaviour every <see cref="IGlossaryStore"/> must show. A backend's test class derives and supplies the stores.</summary>
public abstract class GlossaryStoreContractTests
{
    /// <summary>A glossary store and a session store over the same empty, migrated database; called once per test.</summary>
    protected abstract ValueTask<(IGlossaryStore Glossaries, ISessionStore Sessions)> CreateStoresAsync();

    private static CancellationToken Ct => CancellationToken.None;

    public static GlossaryRecord Glossary(string id, string owner = "owner-1", string name = "Names", params GlossaryEntry[] entries) =>
        new(id, owner, name, T0, T0.AddMinutes(1), entries.Length == 0 ? [Entry("Nguyen", "win", ("es", "Nguyen"), ("fr", "Nguyên"))] : entries);

    public static GlossaryEntry Entry(string term, string? soundsLike = null, params (string Language, string Text)[] renderings) =>
        new(term, soundsLike, renderings.ToDictionary(r => r.Language, r => r.Text, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public async Task TryCreateAsync_NewGlossary_GetReturnsItWithEntriesInOrder()
    {
        var (store, _) = await CreateStoresAsync();
        var glossary = Glossary("g-1", entries: [Entry("Ecclesiastes", null, ("es", "Eclesiastés")), Entry("Pastor Nguyen", "pastor win"), Entry(UnicodeText, UnicodeText, ("pt-BR", UnicodeText))]);

        Assert.True(await store.TryCreateAsync(glossary, Ct));

        Assert.Equivalent(glossary, await store.GetAsync("g-1", Ct), strict: true);
    }

    [Fact]
    public async Task TryCreateAsync_IdTaken_ReturnsFalseAndKeepsTheOriginal()
    {
        var (store, _) = await CreateStoresAsync();
        var original = Glossary("g-1");
        await store.TryCreateAsync(original, Ct);

        Assert.False(await store.TryCreateAsync(Glossary("g-1", owner: "mallory", entries: [Entry("Other")]), Ct));

        Assert.Equivalent(original, await store.GetAsync("g-1", Ct), strict: true);
    }

    [Fact]
    public async Task ListByOwnerAsync_SeveralOwners_ReturnsOnlyTheOwnersByName()
    {
        var (store, _) = await CreateStoresAsync();
        await store.TryCreateAsync(Glossary("g-1", name: "Sermons"), Ct);
        await store.TryCreateAsync(Glossary("g-2", name: "Names"), Ct);
        await store.TryCreateAsync(Glossary("g-3", owner: "other", name: "A"), Ct);

        var list = await store.ListByOwnerAsync("owner-1", Ct);

        Assert.Equal(["g-2", "g-1"], list.Select(g => g.Id));
        Assert.All(list, g => Assert.Single(g.Entries));
    }

    [Fact]
    public async Task ReplaceAsync_Existing_ReplacesNameEntriesAndTime()
    {
        var (store, _) = await CreateStoresAsync();
        await store.TryCreateAsync(Glossary("g-1"), Ct);
        var changed = Glossary("g-1", name: "Renamed", entries: [Entry("Ecclesiastes", null, ("es", "Eclesiastés"))]) with { UpdatedAt = T0.AddHours(2) };

        Assert.True(await store.ReplaceAsync(changed, Ct));

        Assert.Equivalent(changed, await store.GetAsync("g-1", Ct), strict: true);
    }

    [Fact]
    public async Task ReplaceAsync_Unknown_ReturnsFalseAndCreatesNothing()
    {
        var (store, _) = await CreateStoresAsync();

        Assert.False(await store.ReplaceAsync(Glossary("g-9"), Ct));

        Assert.Null(await store.GetAsync("g-9", Ct));
    }

    [Fact]
    public async Task ReplaceAsync_NoEntries_LeavesAnEmptyGlossary()
    {
        var (store, _) = await CreateStoresAsync();
        await store.TryCreateAsync(Glossary("g-1"), Ct);

        await store.ReplaceAsync(Glossary("g-1") with { Entries = [] }, Ct);

        Assert.Empty((await store.GetAsync("g-1", Ct))!.Entries);
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesItAndDetachesItFromSessions()
    {
        var (store, sessions) = await CreateStoresAsync();
        await sessions.TryCreateAsync(Session("s-1"), Ct);
        await store.TryCreateAsync(Glossary("g-1"), Ct);
        await store.TryCreateAsync(Glossary("g-2", name: "Other"), Ct);
        await store.SetSessionGlossariesAsync("s-1", ["g-1", "g-2"], Ct);

        Assert.True(await store.DeleteAsync("g-1", Ct));
        Assert.False(await store.DeleteAsync("g-1", Ct));

        Assert.Null(await store.GetAsync("g-1", Ct));
        Assert.Equal(["g-2"], (await store.GetSessionGlossariesAsync("s-1", Ct)).Select(g => g.Id));
    }

    [Fact]
    public async Task SetSessionGlossariesAsync_Order_IsKeptAndUnknownIdsAreSkipped()
    {
        var (store, sessions) = await CreateStoresAsync();
        await sessions.TryCreateAsync(Session("s-1"), Ct);
        await store.TryCreateAsync(Glossary("g-1", name: "A"), Ct);
        await store.TryCreateAsync(Glossary("g-2", name: "B"), Ct);

        await store.SetSessionGlossariesAsync("s-1", ["g-2", "g-missing", "g-1"], Ct);

        var used = await store.GetSessionGlossariesAsync("s-1", Ct);
        Assert.Equal(["g-2", "g-1"], used.Select(g => g.Id));
        Assert.Equal("Nguyen", used[0].Entries[0].Term);
    }

    [Fact]
    public async Task SetSessionGlossariesAsync_AgainOrEmpty_ReplacesTheSet()
    {
        var (store, sessions) = await CreateStoresAsync();
        await sessions.TryCreateAsync(Session("s-1"), Ct);
        await sessions.TryCreateAsync(Session("s-2"), Ct);
        await store.TryCreateAsync(Glossary("g-1"), Ct);
        await store.TryCreateAsync(Glossary("g-2"), Ct);
        await store.SetSessionGlossariesAsync("s-1", ["g-1", "g-2"], Ct);
        await store.SetSessionGlossariesAsync("s-2", ["g-1"], Ct);

        await store.SetSessionGlossariesAsync("s-1", ["g-2"], Ct);
        Assert.Equal(["g-2"], (await store.GetSessionGlossariesAsync("s-1", Ct)).Select(g => g.Id));

        await store.SetSessionGlossariesAsync("s-1", [], Ct);
        Assert.Empty(await store.GetSessionGlossariesAsync("s-1", Ct));
        Assert.Equal(["g-1"], (await store.GetSessionGlossariesAsync("s-2", Ct)).Select(g => g.Id));
    }

    [Fact]
    public async Task SetSessionGlossariesAsync_UnknownSession_StoresNothing()
    {
        var (store, _) = await CreateStoresAsync();
        await store.TryCreateAsync(Glossary("g-1"), Ct);

        await store.SetSessionGlossariesAsync("s-none", ["g-1"], Ct);

        Assert.Empty(await store.GetSessionGlossariesAsync("s-none", Ct));
    }
}
