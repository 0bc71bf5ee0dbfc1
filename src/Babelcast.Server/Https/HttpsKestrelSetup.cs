using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Https;

/// <summary>
/// Adds the HTTPS port to Kestrel. Kestrel ignores <c>--urls</c> as soon as one endpoint is declared in code, so
/// the configured urls are declared again here, unchanged; the HTTPS port listens on the same kind of interface as
/// HTTP (loopback when HTTP is loopback only, every interface when HTTP is).
/// </summary>
internal sealed class HttpsKestrelSetup(IConfiguration configuration, HttpsCertificateSource source) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        if (source.Mode == HttpsMode.Off || source.Certificate is not { } certificate)
        {
            return;
        }

        var tls = new HttpsConnectionAdapterOptions { ServerCertificate = certificate.Certificate, ServerCertificateChain = certificate.Chain };
        var fromKestrelSection = ConfiguredUrls.KestrelEndpoints(configuration);
        var urls = fromKestrelSection.Count > 0 ? fromKestrelSection : ConfiguredUrls.Read(configuration);
        var addresses = urls.Select(BindingAddress.Parse).ToArray();
        if (fromKestrelSection.Count == 0)
        {
            // The Kestrel section declares its own endpoints (and Kestrel binds them); otherwise the urls need declaring.
            foreach (var address in addresses)
            {
                ListenAddress.Listen(options, address, address.Scheme == Uri.UriSchemeHttps ? tls : null);
            }
        }

        var port = source.Options.Port;
        if (addresses.Any(a => a.Scheme == Uri.UriSchemeHttps && a.Port == port && port != 0))
        {
            return; // Already served with this certificate.
        }

        foreach (var host in ListenAddress.HttpsHosts(addresses))
        {
            ListenAddress.Listen(options, BindingAddress.Parse($"https://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}"), tls);
        }
    }
}
