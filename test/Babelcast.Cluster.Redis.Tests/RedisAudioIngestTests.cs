using System.Buffers.Binary;
using Babelcast.Core.Ingest;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Tests;

[Trait("Category", "Cluster")]
[Collection(RedisCollection.Name)]
public sealed class RedisAudioIngestTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly IngestNodes _nodes = new(redis);

    [Fact]
    public async Task A_reader_on_another_node_gets_every_frame_in_order_and_frees_the_writers_capacity()
    {
        var gateway = _nodes.Create(capacity: 16);
        var worker = _nodes.Create(capacity: 16);
        using var cts = new CancellationTokenSource(Timeout);

        var reading = ReadAllAsync(worker, "s1", cts.Token);
        for (var seq = 0; seq < 300; seq++)
        {
            IngestWriteResult result;
            while ((result = gateway.TryWrite("s1", Frame(seq))) == IngestWriteResult.Full)
            {
                // Only the worker's "consumed" messages can free the gateway: they come through Redis.
                await Task.Delay(2, cts.Token);
            }

            Assert.Equal(IngestWriteResult.Accepted, result);
        }

        gateway.Complete("s1");
        Assert.Equal(Enumerable.Range(0, 300), (await reading).Select(SeqOf));
    }

    [Fact]
    public async Task A_new_owner_reads_from_the_committed_checkpoint_so_the_phrase_in_progress_starts_again()
    {
        var gateway = _nodes.Create(capacity: 64);
        for (var seq = 0; seq < 10; seq++)
        {
            Assert.Equal(IngestWriteResult.Accepted, gateway.TryWrite("s1", Frame(seq)));
        }

        gateway.Complete("s1");
        using var cts = new CancellationTokenSource(Timeout);
        Assert.Equal(10, (await ReadAllAsync(_nodes.Create(64), "s1", cts.Token)).Count);

        // The first owner finished a phrase that ended with frame 5, committed it, and died.
        await using var leases = new LeaseNode("worker-1", _nodes.Options);
        var database = await leases.DatabaseAsync();
        var ids = (await database.StreamRangeAsync($"{_nodes.Options.KeyPrefix}:{{s1}}:ingest")).Select(entry => entry.Id).ToList();
        var lease = await leases.Leases.TryAcquireAsync("s1", cts.Token);
        Assert.NotNull(lease);
        Assert.True(await leases.Leases.CommitCheckpointAsync(lease, ids[5]!, cts.Token));

        var replayed = await ReadAllAsync(_nodes.Create(64), "s1", cts.Token);
        Assert.Equal(Enumerable.Range(6, 4), replayed.Select(SeqOf));
    }

    [Fact]
    public async Task Frames_written_while_redis_is_down_wait_in_order_and_arrive_when_it_is_back()
    {
        var gateway = _nodes.Create(capacity: 64);
        using var cts = new CancellationTokenSource(Timeout);
        Assert.Equal(IngestWriteResult.Accepted, gateway.TryWrite("s1", Frame(0)));
        await WaitForLengthAsync(1, cts.Token);

        redis.Server.Kill();
        for (var seq = 1; seq <= 5; seq++)
        {
            Assert.Equal(IngestWriteResult.Accepted, gateway.TryWrite("s1", Frame(seq)));
        }

        await Task.Delay(300, cts.Token);
        await redis.Server.RestartAsync(cts.Token);
        gateway.Complete("s1");

        // Redis came back empty (no persistence in the tests): frame 0 went with it; 1-5 were held and appended in order.
        var received = await ReadAllAsync(_nodes.Create(64), "s1", cts.Token);
        Assert.Equal(Enumerable.Range(1, 5), received.Select(SeqOf));
    }

    [Fact]
    public async Task A_frame_keeps_its_timestamp_in_the_writing_process()
    {
        var gateway = _nodes.Create(capacity: 64);
        using var cts = new CancellationTokenSource(Timeout);
        var stamped = TimeProvider.System.GetTimestamp() - TimeProvider.System.TimestampFrequency;
        gateway.TryWrite("s1", new IngestItem(IngestKind.Audio, new byte[8], stamped));
        gateway.TryWrite("s1", IngestItem.Control(IngestKind.Pause, stamped + 1));
        gateway.Complete("s1");

        var received = await ReadAllAsync(_nodes.Create(64), "s1", cts.Token);

        Assert.Equal([stamped, stamped + 1], received.Select(item => item.ReceivedTimestamp));
        Assert.Equal([IngestKind.Audio, IngestKind.Pause], received.Select(item => item.Kind));
    }

    [Fact]
    public async Task An_append_retried_after_its_reply_was_lost_is_appended_once()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        await using (connection)
        {
            var prefix = _nodes.Options.KeyPrefix;
            RedisKey[] keys = [$"{prefix}:{{s1}}:ingest", $"{prefix}:{{s1}}:ingest-closed", $"{prefix}:{{s1}}:ingest-writers"];
            var wake = RedisChannel.Literal($"{prefix}:{{s1}}:ingest-wake");
            var frame = IngestEntry.AppendArguments(Frame(7), seq: 1, "writer-a", TimeProvider.System, 1000, wake);

            var first = (long)await connection.GetDatabase().ScriptEvaluateAsync(IngestScripts.Append, keys, frame);
            var retried = (long)await connection.GetDatabase().ScriptEvaluateAsync(IngestScripts.Append, keys, frame);
            var next = (long)await connection.GetDatabase().ScriptEvaluateAsync(
                IngestScripts.Append, keys, IngestEntry.AppendArguments(Frame(8), seq: 2, "writer-a", TimeProvider.System, 1000, wake));

            Assert.Equal((1L, 0L, 1L), (first, retried, next));
            Assert.Equal(2, await connection.GetDatabase().StreamLengthAsync(keys[0]));
        }
    }

    private async Task WaitForLengthAsync(long length, CancellationToken cancellationToken)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        await using (connection)
        {
            var key = (RedisKey)$"{_nodes.Options.KeyPrefix}:{{s1}}:ingest";
            while (await connection.GetDatabase().StreamLengthAsync(key) < length)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    private static IngestItem Frame(int seq)
    {
        var bytes = new byte[320];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, seq);
        return new IngestItem(IngestKind.Audio, bytes, seq);
    }

    private static int SeqOf(IngestItem item) => BinaryPrimitives.ReadInt32LittleEndian(item.Audio.Span);

    private static async Task<List<IngestItem>> ReadAllAsync(IAudioIngest ingest, string sessionId, CancellationToken cancellationToken)
    {
        var items = new List<IngestItem>();
        await foreach (var item in ingest.ReadAllAsync(sessionId, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _nodes.DisposeAsync();
}
