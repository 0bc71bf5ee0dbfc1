namespace Babelcast.Server.Https;

/// <summary>
/// The HTTP addresses the host would give Kestrel (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>urls</c>, else
/// <c>http_ports</c>/<c>https_ports</c>, else Kestrel's default), read the way the web host reads them.
/// </summary>
internal static class ConfiguredUrls
{
    public const string KestrelDefault = "http://localhost:5000";

    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var urls = Split(configuration["urls"]);
        if (urls.Length > 0)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]).Select(static p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(static p => $"https://*:{p}"))
            .ToArray();
        return ports.Length > 0 ? ports : [KestrelDefault];
    }

    /// <summary>The <c>Url</c> of every endpoint in the <c>Kestrel:Endpoints</c> section (these replace the urls).</summary>
    public static IReadOnlyList<string> KestrelEndpoints(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(static e => e["Url"])
            .Where(static u => !string.IsNullOrWhiteSpace(u))
            .Select(static u => u!)
            .ToArray();

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
