using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>Puts the forwarded-headers middleware in front of the whole pipeline when proxies are configured.</summary>
internal sealed class ReverseProxyStartupFilter(IOptions<ReverseProxyOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        next(app);
    };
}
