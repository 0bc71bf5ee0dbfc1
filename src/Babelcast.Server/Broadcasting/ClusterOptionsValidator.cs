using Microsoft.Extensions.Options;

namespace Babelcast.Server.Broadcasting;

internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (!BroadcastingServiceCollectionExtensions.IsKnownBus(options.Bus))
        {
            return ValidateOptionsResult.Fail(BroadcastingServiceCollectionExtensions.UnknownBus(options.Bus));
        }

        if (!BroadcastingServiceCollectionExtensions.IsKnownRole(options.Role))
        {
            return ValidateOptionsResult.Fail(BroadcastingServiceCollectionExtensions.UnknownRole(options.Role));
        }

        return string.Equals(options.Bus, BroadcastingServiceCollectionExtensions.InProcessBus, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Role, BroadcastingServiceCollectionExtensions.AllRole, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail(
                $"{ClusterOptions.Section}:{nameof(ClusterOptions.Role)} '{options.Role}' needs {ClusterOptions.Section}:{nameof(ClusterOptions.Bus)} = {BroadcastingServiceCollectionExtensions.RedisBus}: with the in-process bus a node is the whole server.")
            : ValidateOptionsResult.Success;
    }
}
