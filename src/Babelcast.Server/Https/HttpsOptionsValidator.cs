using Microsoft.Extensions.Options;

namespace Babelcast.Server.Https;

/// <summary>
/// Checks the HTTPS settings at start; in <c>files</c> mode it also loads the PEM pair, so that a wrong path, a bad
/// file or a key of another certificate stops the start with the key to fix.
/// </summary>
internal sealed class HttpsOptionsValidator : IValidateOptions<HttpsOptions>
{
    public const string ModeKey = HttpsOptions.Section + ":Mode";
    public const string PortKey = HttpsOptions.Section + ":Port";
    public const string CertificatePathKey = HttpsOptions.Section + ":CertificatePath";
    public const string KeyPathKey = HttpsOptions.Section + ":KeyPath";

    public ValidateOptionsResult Validate(string? name, HttpsOptions options)
    {
        var mode = options.ParsedMode;
        if (mode is null)
        {
            return ValidateOptionsResult.Fail($"{ModeKey} must be off, self-signed or files (got '{options.Mode}').");
        }

        if (mode == HttpsMode.Off)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Port is < 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"{PortKey} must be a TCP port (1 to 65535; got {options.Port}).");
        }

        if (mode == HttpsMode.Files)
        {
            try
            {
                using var loaded = PemCertificateFiles.Load(options.CertificatePath, options.KeyPath, CertificatePathKey, KeyPathKey);
            }
            catch (HttpsConfigurationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }

        return ValidateOptionsResult.Success;
    }
}
