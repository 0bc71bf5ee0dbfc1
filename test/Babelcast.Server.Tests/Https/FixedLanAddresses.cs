using System.Net;
using Babelcast.Server.Venue;

namespace Babelcast.Server.Tests.Https;

internal sealed class FixedLanAddresses(IReadOnlyList<IPAddress> addresses) : ILanAddresses
{
    public IReadOnlyList<IPAddress> Current() => addresses;
}
