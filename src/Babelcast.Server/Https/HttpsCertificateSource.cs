using Babelcast.Server.Hosting;
using Babelcast.Server.Venue;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Https;

/// <summary>The certificate of the HTTPS listener, loaded or generated once, when Kestrel is configured at start.</summary>
internal sealed class HttpsCertificateSource : IDisposable
{
    private readonly Lazy<HttpsCertificate?> _certificate;

    public HttpsCertificateSource(
        IOptions<HttpsOptions> https, IOptions<BabelcastOptions> babelcast, ILanAddresses lan, TimeProvider time, ILogger<HttpsCertificateSource> logger)
    {
        Options = https.Value;
        _certificate = new Lazy<HttpsCertificate?>(() => Load(Options, babelcast.Value, lan, time, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public HttpsOptions Options { get; }

    public HttpsMode Mode => Options.ParsedMode ?? HttpsMode.Off;

    /// <summary>Null when HTTPS is off.</summary>
    public HttpsCertificate? Certificate => _certificate.Value;

    private static HttpsCertificate? Load(HttpsOptions options, BabelcastOptions babelcast, ILanAddresses lan, TimeProvider time, ILogger logger)
    {
        var certificate = options.ParsedMode switch
        {
            HttpsMode.SelfSigned => SelfSignedCertificateStore.LoadOrCreate(babelcast.DataDirectory, Environment.MachineName, lan.Current(), time.GetUtcNow(), logger),
            HttpsMode.Files => PemCertificateFiles.Load(options.CertificatePath, options.KeyPath, HttpsOptionsValidator.CertificatePathKey, HttpsOptionsValidator.KeyPathKey),
            _ => null,
        };
        if (certificate is not null)
        {
            HttpsLog.Serving(logger, options.Mode, options.Port, certificate.Certificate.Subject, certificate.Certificate.NotAfter.ToUniversalTime(), certificate.Sha256);
        }

        return certificate;
    }

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value?.Dispose();
        }
    }
}
