using System.Collections.Concurrent;
using System.Diagnostics;
using Babelcast.Core.Cluster;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Tests;

/// <summary>A standby worker warms the listened languages of sessions it does not run, from Redis's live view.</summary>
[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class StandbyWarmupTests(RedisFixture redis)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_late_starting_worker_warms_every_live_session_with_listeners_and_nothing_else()
    {
        await using var standby = new Standby(redis, TimeSpan.FromMilliseconds(500));
        standby.Store.Add("listened", SessionStatus.Active, "en");
        standby.Store.Add("unheard", SessionStatus.Active, "en");
        standby.Store.Add("ended", SessionStatus.Ended, "en");
        foreach (var id in new[] { "listened", "unheard", "ended" })
        {
            await standby.Placement.AnnounceAsync(id, CancellationToken.None);
        }

        await standby.SetListenersAsync("listened", "fr=1,pt=2");
        await standby.SetListenersAsync("ended", "fr=1");

        await standby.Service.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => standby.Warmed.ContainsKey("listened"));
        await Task.Delay(1200);
        await standby.Service.StopAsync(CancellationToken.None);

        Assert.Equal("en", standby.Warmed["listened"]);
        Assert.False(standby.Warmed.ContainsKey("unheard"), "a session without listeners has nothing to warm");
        Assert.False(standby.Warmed.ContainsKey("ended"), "an ended session is never run again");
    }

    [Fact]
    public async Task A_listener_joining_a_session_warms_its_language_on_a_standby_at_once_not_at_the_next_rescan()
    {
        await using var standby = new Standby(redis, TimeSpan.FromMinutes(10));
        await standby.Service.StartAsync(CancellationToken.None);
        standby.Store.Add("joined", SessionStatus.Active, "en");
        await standby.Placement.AnnounceAsync("joined", CancellationToken.None);
        await Task.Delay(500);
        Assert.Empty(standby.Warmed);

        await standby.SetListenersAsync("joined", "es=1");
        var database = await standby.Connection.GetDatabaseAsync(CancellationToken.None);
        await database.PublishAsync(standby.Keys.PresenceChanged("joined"), "g");

        await WaitUntilAsync(() => standby.Warmed.ContainsKey("joined"));
        await standby.Service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Session_ids_are_read_from_per_session_channel_names_only()
    {
        var keys = new RedisKeys("bc");
        Assert.True(keys.TrySessionOf(keys.PresenceChanged("calm-river-12"), out var id));
        Assert.Equal("calm-river-12", id);
        Assert.False(keys.TrySessionOf(keys.Announcements, out _));
        Assert.False(keys.TrySessionOf(RedisChannel.Literal("other:{x}:presence-changed"), out _));
        Assert.False(keys.TrySessionOf(RedisChannel.Literal("bc:{}:presence-changed"), out _));
    }

    [Theory]
    [InlineData("StandbyRescanInterval", "00:00:00")]
    [InlineData("ScanInterval", "-00:00:01")]
    [InlineData("DelayPerHeldSession", "00:01:00")]
    public void An_interval_out_of_range_stops_the_start_naming_it(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{SessionClaimOptions.Section}:{key}"] = value })
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddRedisCluster(runsPipelines: false).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SessionClaimOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Wait, "timed out");
            await Task.Delay(50);
        }
    }

    private sealed class Standby : IAsyncDisposable, ISessionWarmup
    {
        private readonly LeaseNode _node;

        public Standby(RedisFixture redis, TimeSpan rescan)
        {
            var options = LeaseNode.OptionsFor(redis, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
            _node = new LeaseNode("standby", options);
            Keys = new RedisKeys(options.KeyPrefix);
            var wrapped = Options.Create(options);
            Connection = new RedisConnection(wrapped);
            var claim = Options.Create(new SessionClaimOptions { StandbyRescanInterval = rescan });
            Placement = new RedisSessionPlacement(Connection, _node.Leases, claim, wrapped, TimeProvider.System);
            var presence = new RedisListenerPresence(Connection, wrapped, TimeProvider.System, NullLogger<RedisListenerPresence>.Instance);
            Service = new StandbyWarmupService(Connection, presence, Store, this, wrapped, claim, TimeProvider.System, NullLogger<StandbyWarmupService>.Instance);
        }

        public RedisKeys Keys { get; }

        public RedisConnection Connection { get; }

        public RedisSessionPlacement Placement { get; }

        public StandbyWarmupService Service { get; }

        public SessionTable Store { get; } = new();

        public ConcurrentDictionary<string, string> Warmed { get; } = new(StringComparer.Ordinal);

        public async Task SetListenersAsync(string sessionId, string counts)
        {
            var database = await Connection.GetDatabaseAsync(CancellationToken.None);
            var expires = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds();
            await database.HashSetAsync(Keys.Presence(sessionId), "gateway", $"{expires}|{counts}");
        }

        public void WarmFor(string sessionId, string sourceLanguage) => throw new InvalidOperationException("a standby claims nothing");

        public void WarmTranslations(string sessionId, string sourceLanguage) => Warmed[sessionId] = sourceLanguage;

        public async ValueTask DisposeAsync()
        {
            Service.Dispose();
            await Connection.DisposeAsync();
            await _node.DisposeAsync();
        }
    }

    /// <summary>Just enough of a session store for the standby's look-up of a session's source language and status.</summary>
    private sealed class SessionTable : ISessionStore
    {
        private readonly ConcurrentDictionary<string, SessionRecord> _sessions = new(StringComparer.Ordinal);

        public void Add(string id, SessionStatus status, string source)
        {
            var now = DateTimeOffset.UtcNow;
            _sessions[id] = new SessionRecord(id, "owner", source, "standard", status, now, now, now, now.AddHours(1), status == SessionStatus.Ended ? now : null);
        }

        public ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_sessions.GetValueOrDefault(sessionId));

        public ValueTask<bool> TryCreateAsync(SessionRecord session, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<SessionRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<SessionRecord?> UpdateStatusAsync(string sessionId, SessionStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask<SessionRecord?> UpdateQualityTierAsync(string sessionId, string qualityTier, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask TouchAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<SessionRecord>> ListExpiredAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
