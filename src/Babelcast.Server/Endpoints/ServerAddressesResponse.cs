using Babelcast.Server.Venue;

namespace Babelcast.Server.Endpoints;

/// <summary>GET /api/server/addresses: where join links can point, and whether phones can reach the server at all.</summary>
/// <param name="DefaultOrigin">The origin join links and QR codes use when none is chosen.</param>
/// <param name="Origins">Every origin a speaker may choose (the <c>origin</c> parameter of the QR route), best first.</param>
/// <param name="ListensOnLan">False when Kestrel listens on loopback only: no phone can connect, whatever the link.</param>
internal sealed record ServerAddressesResponse(string DefaultOrigin, IReadOnlyList<JoinOrigin> Origins, bool ListensOnLan);
