using System.Net;

namespace Babelcast.Server.Venue;

/// <summary>
/// The addresses of this machine that phones in the room can reach: join links, QR codes, the start-up banner and the
/// self-signed certificate's subject alternative names all come from here.
/// </summary>
public interface ILanAddresses
{
    /// <summary>Usable LAN addresses, best first (IPv4 before IPv6); empty when the machine has none.</summary>
    IReadOnlyList<IPAddress> Current();
}
