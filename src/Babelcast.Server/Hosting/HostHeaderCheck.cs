using Babelcast.Core.Protocol;
using Babelcast.Server.Endpoints;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Refuses a Host longer than any real host name (253) plus a port: the join link and its QR code are built from it,
/// and a link that outgrows the QR code cannot be drawn.
/// </summary>
internal static class HostHeaderCheck
{
    public const int MaxHostLength = 253 + 6;

    public static IApplicationBuilder UseBabelcastHostCheck(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var host = context.Request.Host.Value;
            if (host is not null && host.Length > MaxHostLength)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidHost,
                    $"The Host header may be at most {MaxHostLength} characters.").ExecuteAsync(context);
            }

            return next(context);
        });
}
