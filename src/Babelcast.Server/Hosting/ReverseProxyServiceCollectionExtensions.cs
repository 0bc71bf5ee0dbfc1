using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

public static class ReverseProxyServiceCollectionExtensions
{
    /// <summary>
    /// Forwarded headers from the configured proxies only (<see cref="ReverseProxyOptions"/>). With none configured the
    /// middleware is not added at all, so X-Forwarded-* from anyone changes nothing: not the join link, not the
    /// client IP the rate limits count by.
    /// </summary>
    public static IServiceCollection AddBabelcastReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().Configure<IConfiguration>(ReverseProxyOptions.Bind).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptionsValidator>());
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ReverseProxyOptions>, IOptions<HostFilteringOptions>>(Configure);

        // First in the collection = outermost in the pipeline: the forwarded host, scheme and client IP must be in
        // place before ASP.NET Core's host filtering (AllowedHosts), which the web host defaults put in front of
        // everything UseBabelcast adds (security headers, host check, rate limits, authentication).
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, ReverseProxyStartupFilter>());
        return services;
    }

    private static void Configure(ForwardedHeadersOptions forwarded, IOptions<ReverseProxyOptions> proxy, IOptions<HostFilteringOptions> hosts)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

        // The defaults trust loopback; only what the operator listed is trusted here.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var text in proxy.Value.KnownProxies)
        {
            if (ReverseProxyAddresses.TryParseAddress(text, out var address))
            {
                forwarded.KnownProxies.Add(address);
            }
        }

        foreach (var text in proxy.Value.KnownNetworks)
        {
            if (ReverseProxyAddresses.TryParseNetwork(text, out var network))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        }

        // A proxy passes on whatever Host its client sent; X-Forwarded-Host is applied only when AllowedHosts takes it.
        var allowed = hosts.Value.AllowedHosts;
        if (allowed.Count > 0 && !allowed.Contains("*"))
        {
            forwarded.AllowedHosts = [.. allowed];
        }
    }
}
