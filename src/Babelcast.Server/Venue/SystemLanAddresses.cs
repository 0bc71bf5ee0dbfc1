using System.Net;

namespace Babelcast.Server.Venue;

/// <summary>
/// The usable LAN addresses of <see cref="INetworkInterfaceSource"/> by the rule of <see cref="LanAddressFilter"/>,
/// read again at most every few seconds: join links are built per request, and a laptop may change networks.
/// </summary>
internal sealed class SystemLanAddresses(INetworkInterfaceSource source, TimeProvider time) : ILanAddresses
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);
    private readonly Lock _lock = new();
    private IReadOnlyList<IPAddress> _addresses = [];
    private long _readAt;
    private bool _read;

    public IReadOnlyList<IPAddress> Current()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (!_read || time.GetElapsedTime(_readAt, now) >= CacheDuration)
            {
                _addresses = LanAddressFilter.Select(source.Read());
                _readAt = now;
                _read = true;
            }

            return _addresses;
        }
    }
}
