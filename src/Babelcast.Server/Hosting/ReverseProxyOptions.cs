namespace Babelcast.Server.Hosting;

/// <summary>
/// The reverse proxies whose X-Forwarded-For/Proto/Host headers are believed (section "Babelcast:ReverseProxy").
/// Empty (the default): no forwarded header is read, from anyone.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "Babelcast:ReverseProxy";

    /// <summary>IP addresses of the proxies, e.g. <c>127.0.0.1</c> for an nginx on the same machine.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks in CIDR notation holding the proxies, e.g. <c>172.17.0.0/16</c> for a container network.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>
    /// Reads each list both as a list (JSON array, <c>KnownProxies__0</c>) and as one value separated by commas or
    /// semicolons (<c>--Babelcast:ReverseProxy:KnownProxies=127.0.0.1,::1</c>): the configuration binder ignores the
    /// second form for a list and the first for a string, and either mistake would silently trust no proxy.
    /// </summary>
    internal static void Bind(ReverseProxyOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        Read(section.GetSection(nameof(KnownProxies)), options.KnownProxies);
        Read(section.GetSection(nameof(KnownNetworks)), options.KnownNetworks);
    }

    private static void Read(IConfigurationSection section, IList<string> into)
    {
        var values = section.GetChildren().Select(c => c.Value).Prepend(section.Value);
        foreach (var value in values)
        {
            foreach (var item in (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                into.Add(item);
            }
        }
    }
}
