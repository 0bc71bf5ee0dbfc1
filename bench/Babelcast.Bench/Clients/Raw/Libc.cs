using System.Runtime.InteropServices;

namespace Babelcast.Bench.Clients.Raw;

/// <summary>
/// The few Linux calls the raw listeners need: epoll, and recvmsg for the kernel's receive timestamp of each read
/// (SO_TIMESTAMPNS), which .NET's socket API does not surface.
/// </summary>
internal static unsafe partial class Libc
{
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const uint EpollErr = 0x008;
    public const uint EpollHup = 0x010;
    public const uint EpollRdHup = 0x2000;
    public const int MsgDontWait = 0x40;
    public const int MsgNoSignal = 0x4000;
    public const int SolSocket = 1;
    public const int SoTimestampNs = 35;
    public const int EAgain = 11;
    public const int EIntr = 4;

    private const string Library = "libc";

    [LibraryImport(Library, SetLastError = true)]
    public static partial int epoll_create1(int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int epoll_ctl(int epfd, int op, int fd, EpollEvent* ev);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int epoll_wait(int epfd, EpollEvent* events, int maxevents, int timeout);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint recvmsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial nint send(int fd, byte* buf, nuint len, int flags);

    [LibraryImport(Library, SetLastError = true)]
    public static partial int close(int fd);

    /// <summary>x86-64's epoll_event is packed: 4 bytes of events, then 8 of data.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CmsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
