using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Babelcast.Bench.Clients.Raw;

/// <summary>
/// One thread reading every raw listener's socket: epoll, then recvmsg until the socket is drained, with the kernel's
/// receive timestamp of each read (SO_TIMESTAMPNS, CLOCK_REALTIME, turned into Stopwatch time at the read).
/// </summary>
internal sealed unsafe class ListenerReactor : IDisposable
{
    private const int MaxEvents = 256;
    private const int BufferBytes = 256 * 1024;
    private const int ControlBytes = 64;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly int _epoll;
    private readonly List<RawListener> _listeners = [];
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private volatile bool _stopping;

    public ListenerReactor()
    {
        _epoll = Libc.epoll_create1(0);
        if (_epoll < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "bench listeners" };
        _thread.Start();
    }

    /// <summary>Starts reading <paramref name="listener"/>'s socket (after its handshake).</summary>
    public void Add(RawListener listener)
    {
        int index;
        lock (_gate)
        {
            index = _listeners.Count;
            _listeners.Add(listener);
        }

        var ev = new Libc.EpollEvent { Events = Libc.EpollIn | Libc.EpollRdHup, Data = (ulong)index };
        if (Libc.epoll_ctl(_epoll, Libc.EpollCtlAdd, listener.Fd, &ev) != 0)
        {
            throw new InvalidOperationException($"epoll_ctl failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _ = Libc.close(_epoll);
    }

    private void Run()
    {
        var events = new Libc.EpollEvent[MaxEvents];
        var buffer = GC.AllocateUninitializedArray<byte>(BufferBytes, pinned: true);
        var control = GC.AllocateUninitializedArray<byte>(ControlBytes, pinned: true);
        fixed (Libc.EpollEvent* ev = events)
        {
            while (!_stopping)
            {
                var n = Libc.epoll_wait(_epoll, ev, MaxEvents, 100);
                for (var i = 0; i < n; i++)
                {
                    RawListener listener;
                    lock (_gate)
                    {
                        listener = _listeners[(int)ev[i].Data];
                    }

                    if (!listener.Ended)
                    {
                        Drain(listener, buffer, control, ev[i].Events);
                    }

                    if (listener.Ended)
                    {
                        // Level-triggered: an ended socket left in the set would wake every wait.
                        _ = Libc.epoll_ctl(_epoll, Libc.EpollCtlDel, listener.Fd, null);
                    }
                }
            }
        }
    }

    private static void Drain(RawListener listener, byte[] buffer, byte[] control, uint events)
    {
        var fd = listener.Fd;
        fixed (byte* data = buffer)
        fixed (byte* ctl = control)
        {
            while (true)
            {
                var iov = new Libc.IoVec { Base = data, Length = (nuint)buffer.Length };
                var msg = new Libc.MsgHdr { Iov = &iov, IovLength = 1, Control = ctl, ControlLength = (nuint)control.Length };
                var got = Libc.recvmsg(fd, &msg, Libc.MsgDontWait);
                var read = Stopwatch.GetTimestamp();
                if (got < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EIntr)
                    {
                        continue;
                    }

                    if (errno != Libc.EAgain)
                    {
                        listener.End(failed: true);
                    }

                    return;
                }

                if (got == 0)
                {
                    listener.End(failed: true);
                    return;
                }

                listener.Feed(new ReadOnlySpan<byte>(data, (int)got), Arrived(&msg, read), read);
                if (got < buffer.Length && (events & (Libc.EpollHup | Libc.EpollErr)) == 0)
                {
                    // Level-triggered: whatever is still queued raises the next event.
                    return;
                }
            }
        }
    }

    /// <summary>The read's kernel receive time in Stopwatch ticks; the read's own time if the kernel gave none.</summary>
    private static long Arrived(Libc.MsgHdr* msg, long read)
    {
        if (msg->ControlLength < (nuint)(sizeof(Libc.CmsgHdr) + sizeof(Libc.TimeSpec)))
        {
            return read;
        }

        var cmsg = (Libc.CmsgHdr*)msg->Control;
        if (cmsg->Level != Libc.SolSocket || cmsg->Type != Libc.SoTimestampNs)
        {
            return read;
        }

        var ts = (Libc.TimeSpec*)((byte*)cmsg + sizeof(Libc.CmsgHdr));
        var stamped = UnixEpochTicks + (ts->Seconds * TimeSpan.TicksPerSecond) + (ts->Nanoseconds / 100);
        var ago = DateTime.UtcNow.Ticks - stamped;
        var arrived = read - (long)(ago * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));
        return Math.Min(arrived, read);
    }
}
