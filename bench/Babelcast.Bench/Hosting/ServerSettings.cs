namespace Babelcast.Bench.Hosting;

/// <summary>Configuration the bench gives every server: limits raised far beyond what a benchmark reaches.</summary>
public static class ServerSettings
{
    public static Dictionary<string, string> ForBench(int maxListeners) => new(StringComparer.Ordinal)
    {
        ["Babelcast__Sessions__MaxListenersPerSession"] = Math.Max(500, maxListeners).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Babelcast__RateLimits__WebSocketConnect__PermitLimit"] = "1000000",
        ["Babelcast__RateLimits__Join__PermitLimit"] = "1000000",
        ["Babelcast__RateLimits__Token__PermitLimit"] = "1000",
        ["Babelcast__RateLimits__SessionCreate__PermitLimit"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Babelcast"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };
}
