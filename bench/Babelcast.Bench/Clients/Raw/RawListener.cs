using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Babelcast.Bench.Clients.Raw;

/// <summary>
/// A listener for fan-out runs of thousands: its socket is read by a <see cref="ListenerReactor"/> thread, not by a
/// WebSocket object with tasks and a thread-pool hop per read, so that 10,000 of them take as little as possible of
/// the cores they share with the server they measure. Each message's <see cref="Arrival.Timestamp"/> is the kernel's
/// receive time of the read that brought its first byte (on loopback, when the server's send reached the socket, as a
/// phone's network card would see it); <see cref="Arrival.Read"/> is when this client's thread got to it.
/// </summary>
public sealed class RawListener : IListener
{
    private readonly List<Arrival> _arrivals = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ArrayBufferWriter<byte> _text = new(256);
    private readonly byte[] _header = new byte[10];
    private int _headerHave;
    private int _headerNeed = 2;
    private long _payloadLeft;
    private bool _inPayload;
    private byte _opcode;
    private byte _messageOpcode;
    private bool _fin;
    private bool _messageOpen;
    private long _messageArrived;
    private long _messageRead;
    private int _messageBytes;

    internal RawListener(string language, Socket socket)
    {
        Language = language;
        Socket = socket;
        Fd = (int)socket.Handle;
    }

    public string Language { get; }

    public string? ErrorCode { get; private set; }

    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public bool Failed { get; private set; }

    public long BytesReceived { get; private set; }

    /// <summary>Completes when <c>sessionJoined</c> arrives, or the connection ended first.</summary>
    public Task Joined => _joined.Task;

    internal Socket Socket { get; }

    internal int Fd { get; }

    internal bool Ended { get; private set; }

    public List<Arrival> Snapshot()
    {
        lock (_gate)
        {
            return [.. _arrivals];
        }
    }

    public MessageDetail? DetailOf(Arrival arrival) => null;

    /// <summary>The connection failed or was closed under the client (not by a close frame it read).</summary>
    internal void End(bool failed)
    {
        Ended = true;
        Failed |= failed && CloseStatus is null;
        _joined.TrySetResult();
    }

    /// <summary>Parses what one read brought: WebSocket frames from the server (never masked), possibly split anywhere.</summary>
    internal void Feed(ReadOnlySpan<byte> data, long arrived, long read)
    {
        BytesReceived += data.Length;
        while (!data.IsEmpty && !Ended)
        {
            if (!_inPayload)
            {
                if (!_messageOpen && _headerHave == 0)
                {
                    _messageArrived = arrived;
                    _messageRead = read;
                }

                var take = Math.Min(_headerNeed - _headerHave, data.Length);
                data[..take].CopyTo(_header.AsSpan(_headerHave));
                _headerHave += take;
                data = data[take..];
                if (_headerHave == _headerNeed && HeaderComplete())
                {
                    FrameComplete();
                }

                continue;
            }

            var n = (int)Math.Min(_payloadLeft, data.Length);
            if (_opcode != 0x2 && !(_opcode == 0x0 && _messageOpcode == 0x2))
            {
                data[..n].CopyTo(_text.GetSpan(n));
                _text.Advance(n);
            }

            _messageBytes += n;
            _payloadLeft -= n;
            data = data[n..];
            if (_payloadLeft == 0)
            {
                FrameComplete();
            }
        }
    }

    /// <summary>True once the header is whole and the frame has no payload; false while it needs more header or payload.</summary>
    private bool HeaderComplete()
    {
        if (_headerNeed == 2)
        {
            var length = _header[1] & 0x7F;
            if ((_header[1] & 0x80) != 0)
            {
                Fail();
                return false;
            }

            if (length == 126 || length == 127)
            {
                _headerNeed = length == 126 ? 4 : 10;
                return false;
            }
        }

        _fin = (_header[0] & 0x80) != 0;
        _opcode = (byte)(_header[0] & 0x0F);
        _payloadLeft = _headerNeed switch
        {
            4 => BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)),
            10 => (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2)),
            _ => _header[1] & 0x7F,
        };
        _headerHave = 0;
        _headerNeed = 2;
        if (_opcode is 0x1 or 0x2)
        {
            _messageOpcode = _opcode;
            _messageOpen = true;
            _messageBytes = 0;
            _text.ResetWrittenCount();
        }
        else if (_opcode >= 0x8)
        {
            // A control frame may come between the frames of a message: it has its own text.
            if (_messageOpen)
            {
                Fail();
                return false;
            }

            _text.ResetWrittenCount();
        }

        _inPayload = _payloadLeft > 0;
        return !_inPayload;
    }

    private void FrameComplete()
    {
        _inPayload = false;
        switch (_opcode)
        {
            case 0x8:
                CloseStatus = _text.WrittenCount >= 2 ? (WebSocketCloseStatus)BinaryPrimitives.ReadUInt16BigEndian(_text.WrittenSpan) : WebSocketCloseStatus.Empty;
                End(failed: false);
                return;
            case 0x9:
                Pong(_text.WrittenSpan);
                return;
            case 0xA:
                return;
        }

        if (!_fin)
        {
            return;
        }

        _messageOpen = false;
        Record();
    }

    private void Record()
    {
        if (_messageOpcode == 0x2)
        {
            lock (_gate)
            {
                var header = _arrivals.Count > 0 ? _arrivals[^1] : default;
                _arrivals.Add(new Arrival(ArrivalKind.AudioData, header.Seq, _messageArrived, _messageBytes, header.Replay, header.ServerMs, 0, _messageRead));
            }

            return;
        }

        var (kind, seq, replay, serverMs, code, _) = MessageParser.Parse(_text.WrittenSpan, false);
        lock (_gate)
        {
            _arrivals.Add(new Arrival(kind, seq, _messageArrived, _messageBytes, replay, serverMs, 0, _messageRead));
        }

        if (kind == ArrivalKind.Error)
        {
            ErrorCode ??= code;
        }
        else if (kind == ArrivalKind.Joined)
        {
            _joined.TrySetResult();
        }
    }

    /// <summary>Answers the server's keep-alive ping, masked (with a zero key) as every client frame must be.</summary>
    private unsafe void Pong(ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[6 + 125];
        var length = Math.Min(payload.Length, 125);
        frame[0] = 0x8A;
        frame[1] = (byte)(0x80 | length);
        frame[2..6].Clear();
        payload[..length].CopyTo(frame[6..]);
        fixed (byte* p = frame)
        {
            // A full send buffer drops the pong: the server's timeout is many pings long.
            _ = Libc.send(Fd, p, (nuint)(6 + length), Libc.MsgDontWait | Libc.MsgNoSignal);
        }
    }

    private void Fail()
    {
        Failed = true;
        End(failed: true);
    }
}
