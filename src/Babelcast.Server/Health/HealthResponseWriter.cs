using System.Text.Json;
using Babelcast.Core.Sessions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Server.Health;

/// <summary>
/// The body of every health route: <c>{status, version, uptimeSeconds, activeSessions, checks: {name: {status,
/// description, durationMs}}}</c>, statuses in lower case; docs/protocol.md documents it.
/// </summary>
internal static class HealthResponseWriter
{
    /// <summary>When the process started (not when this class was first used, at the first health request).</summary>
    private static readonly DateTimeOffset StartedAt = ProcessStart();

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(context.Response.Body);
        w.WriteStartObject();
        w.WriteString("status", Name(report.Status));
        w.WriteString("version", typeof(HealthResponseWriter).Assembly.GetName().Version?.ToString());
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        w.WriteNumber("uptimeSeconds", Math.Max(0, (long)(now - StartedAt).TotalSeconds));
        w.WriteNumber("activeSessions", context.RequestServices.GetRequiredService<ILiveSessions>().ActiveSessionIds.Count);
        w.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            w.WriteStartObject(name);
            w.WriteString("status", Name(entry.Status));
            w.WriteString("description", entry.Description);
            w.WriteNumber("durationMs", (long)entry.Duration.TotalMilliseconds);
            if (entry.Data.Count > 0)
            {
                WriteData(w, entry.Data);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        await w.FlushAsync(context.RequestAborted);
    }

    /// <summary>A check's figures (e.g. a cluster worker's held sessions and capacity): numbers as numbers, the rest as text.</summary>
    private static void WriteData(Utf8JsonWriter w, IReadOnlyDictionary<string, object> data)
    {
        w.WriteStartObject("data");
        foreach (var (key, value) in data)
        {
            switch (value)
            {
                case int i:
                    w.WriteNumber(key, i);
                    break;
                case long l:
                    w.WriteNumber(key, l);
                    break;
                case double d:
                    w.WriteNumber(key, d);
                    break;
                case bool b:
                    w.WriteBoolean(key, b);
                    break;
                default:
                    w.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        w.WriteEndObject();
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static DateTimeOffset ProcessStart()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }
}
