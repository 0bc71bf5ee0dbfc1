using Microsoft.Extensions.Options;

namespace Babelcast.Server.Broadcasting;

internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options) =>
        BroadcastingServiceCollectionExtensions.IsKnownBus(options.Bus)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(BroadcastingServiceCollectionExtensions.UnknownBus(options.Bus));
}
