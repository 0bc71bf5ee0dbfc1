using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>A proxy entry that does not parse stops the start, naming the key: a typo would otherwise trust nobody.</summary>
internal sealed class ReverseProxyOptionsValidator : IValidateOptions<ReverseProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
    {
        var failures = new List<string>();
        foreach (var proxy in options.KnownProxies)
        {
            if (!ReverseProxyAddresses.TryParseAddress(proxy, out _))
            {
                failures.Add($"{ReverseProxyOptions.Section}:{nameof(options.KnownProxies)}: '{proxy}' is not an IP address (e.g. 127.0.0.1 or ::1).");
            }
        }

        foreach (var network in options.KnownNetworks)
        {
            if (!ReverseProxyAddresses.TryParseNetwork(network, out _))
            {
                failures.Add($"{ReverseProxyOptions.Section}:{nameof(options.KnownNetworks)}: '{network}' is not a network in CIDR " +
                    "notation with no address bits beyond the prefix (e.g. 10.0.0.0/8 or fd00::/8).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
