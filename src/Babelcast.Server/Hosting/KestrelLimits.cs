using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Kestrel's limits, enforced for every transfer encoding (a chunked body is counted as it arrives), and no
/// <c>Server</c> header to advertise what runs here.
/// </summary>
internal static class KestrelLimits
{
    public const long MaxRequestBodyBytes = 64 * 1024;
    public const int MaxRequestHeadersTotalBytes = 16 * 1024;

    public static IServiceCollection AddBabelcastKestrelLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalBytes;
        });
}
