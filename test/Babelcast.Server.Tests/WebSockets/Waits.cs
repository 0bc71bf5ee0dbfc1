namespace Babelcast.Server.Tests.WebSockets;

/// <summary>Generous timeouts: the machine is shared and has two cores; a passing test never waits this long.</summary>
internal static class Waits
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
}
