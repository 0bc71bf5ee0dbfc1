using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Storage;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Server.Tests.Broadcasting;

/// <summary>A connection store over in-memory sockets whose written text frames can be read back.</summary>
internal sealed class TestConnections : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<(WebSocket Socket, RecordingStream Stream, LiveConnection Connection)> _opened = [];
    private readonly Dictionary<LiveConnection, Task> _writers = [];

    public TestConnections()
    {
        Metrics = new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>());
        Hub = new ListenerHub(Metrics, TimeProvider.System, NullLogger<ListenerHub>.Instance);
    }

    public BabelcastMetrics Metrics { get; }

    public ListenerHub Hub { get; }

    public static SessionRecord Session(string id) =>
        new(id, "owner", "en", "standard", SessionStatus.Active, DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(1), null);

    /// <summary>A listener of <paramref name="language"/> added to the session, its writer started.</summary>
    public LiveConnection Listen(string sessionId, string language, int cap = 100)
    {
        var connection = Open(sessionId, language, "listen");
        var (_, result) = Hub.AddListener(Session(sessionId), connection, cap);
        Assert.Equal(JoinResult.Added, result);
        _writers[connection] = connection.WriteLoopAsync(CancellationToken.None);
        return connection;
    }

    public LiveConnection Speak(string sessionId)
    {
        var connection = Open(sessionId, null, "speak");
        var (_, result, _) = Hub.AddSpeaker(Session(sessionId), connection);
        Assert.Equal(JoinResult.Added, result);
        _writers[connection] = connection.WriteLoopAsync(CancellationToken.None);
        return connection;
    }

    /// <summary>A co-operator's control connection of <paramref name="userId"/> added to the session, its writer started.</summary>
    public LiveConnection Operate(string sessionId, string userId)
    {
        var connection = Open(sessionId, null, "speak", userId);
        var (_, result) = Hub.AddOperator(Session(sessionId), connection);
        Assert.Equal(JoinResult.Added, result);
        _writers[connection] = connection.WriteLoopAsync(CancellationToken.None);
        return connection;
    }

    public LiveConnection Open(string sessionId, string? language, string endpoint, string? userId = null)
    {
        var stream = new RecordingStream();
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        var connection = new LiveConnection(socket, sessionId, language, 16, 1_000_000, Metrics, endpoint) { UserId = userId };
        _opened.Add((socket, stream, connection));
        return connection;
    }

    /// <summary>Waits until the connection's writer finished (after an end: <c>sessionEnded</c> written, then the close).</summary>
    public Task ClosedAsync(LiveConnection connection) => _writers[connection].WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The text frames written to <paramref name="connection"/>'s socket so far, and "close" for a close frame.</summary>
    public IReadOnlyList<string> Written(LiveConnection connection)
    {
        var bytes = _opened.Single(o => o.Connection == connection).Stream.Writes.SelectMany(w => w).ToArray();
        var frames = new List<string>();
        var at = 0;
        while (at < bytes.Length)
        {
            var opcode = bytes[at] & 0x0F;
            var length = bytes[at + 1] & 0x7F;
            Assert.True(length < 126, "test frames are short");
            frames.Add(opcode == 8 ? "close" : Encoding.UTF8.GetString(bytes, at + 2, length));
            at += 2 + length;
        }

        return frames;
    }

    public static OutboundFrame Text(string text) => new(Encoding.UTF8.GetBytes(text), false);

    public static Delivery Caption(long seq, string text) => new(DeliveryKind.FinalCaption, seq, [Text(text)]);

    public void Dispose()
    {
        foreach (var (socket, _, _) in _opened)
        {
            socket.Dispose();
        }

        _services.Dispose();
    }
}
