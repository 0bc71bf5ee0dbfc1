using System.Net;
using System.Net.Sockets;

namespace Babelcast.Server.Venue;

/// <summary>This machine's host name, read once; a Host header that names it is ours.</summary>
internal sealed class MachineHostName
{
    public MachineHostName()
        : this(ReadHostName())
    {
    }

    public MachineHostName(string name) => Name = name;

    public string Name { get; }

    /// <summary>The name itself or its mDNS form (<c>name.local</c>), case-insensitive.</summary>
    public bool Matches(string host) =>
        Name.Length > 0
        && (host.Equals(Name, StringComparison.OrdinalIgnoreCase) || host.Equals(Name + ".local", StringComparison.OrdinalIgnoreCase));

    private static string ReadHostName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (SocketException)
        {
            return string.Empty;
        }
    }
}
