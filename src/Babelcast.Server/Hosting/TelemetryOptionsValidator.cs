using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private const string Otlp = TelemetryOptions.Section + ":Otlp";

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var otlp = options.Otlp;
        if (otlp is null || !otlp.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Otlp}:Endpoint must be an absolute http or https URL (got '{otlp.Endpoint}').");
        }

        if (!Enum.IsDefined(otlp.Protocol))
        {
            failures.Add($"{Otlp}:Protocol must be Grpc or HttpProtobuf.");
        }

        if (otlp.ExportInterval < TimeSpan.FromSeconds(1) || otlp.ExportInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Otlp}:ExportInterval must be between 1 second and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
