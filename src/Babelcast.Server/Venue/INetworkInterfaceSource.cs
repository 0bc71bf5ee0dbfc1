namespace Babelcast.Server.Venue;

/// <summary>The machine's network interfaces; replaced in tests by a synthetic list.</summary>
public interface INetworkInterfaceSource
{
    IReadOnlyList<NetworkInterfaceInfo> Read();
}
