using Microsoft.Extensions.Options;

namespace Babelcast.Server.Auth;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{AuthOptions.Section}:Issuer is empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{AuthOptions.Section}:Audience is empty.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"{AuthOptions.Section}:TokenLifetime must be between 0 and 30 days.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{AuthOptions.Section}:ClockSkew must be between 0 and 10 minutes.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey) && !SigningKeyProvider.TryDecode(options.SigningKey, out _))
        {
            failures.Add($"{AuthOptions.Section}:SigningKey must be base64 of at least {SigningKeyProvider.MinimumKeyBytes} bytes.");
        }

        var oidc = options.Oidc;
        if (!string.IsNullOrWhiteSpace(oidc.JwksUrl) && string.IsNullOrWhiteSpace(oidc.Issuer)
            && string.IsNullOrWhiteSpace(oidc.Authority) && string.IsNullOrWhiteSpace(oidc.MetadataAddress))
        {
            failures.Add($"{AuthOptions.Section}:Oidc:Issuer is required with Oidc:JwksUrl.");
        }

        if (oidc.IsConfigured && string.Equals(oidc.Issuer, options.Issuer, StringComparison.Ordinal))
        {
            failures.Add($"{AuthOptions.Section}:Oidc:Issuer must differ from {AuthOptions.Section}:Issuer.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
