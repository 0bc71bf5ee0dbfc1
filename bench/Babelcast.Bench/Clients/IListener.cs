using System.Net.WebSockets;

namespace Babelcast.Bench.Clients;

/// <summary>What the analyses read from a listener: its language, what arrived and when, and how it ended.</summary>
public interface IListener
{
    string Language { get; }

    string? ErrorCode { get; }

    WebSocketCloseStatus? CloseStatus { get; }

    bool Failed { get; }

    List<Arrival> Snapshot();

    MessageDetail? DetailOf(Arrival arrival);
}
