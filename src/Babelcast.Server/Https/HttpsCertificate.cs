using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Babelcast.Server.Https;

/// <summary>The certificate Kestrel serves, the intermediates sent with it, and its fingerprint as browsers show it.</summary>
internal sealed class HttpsCertificate(X509Certificate2 certificate, X509Certificate2Collection chain) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    public X509Certificate2Collection Chain { get; } = chain;

    /// <summary>SHA-256 of the DER certificate as colon-separated upper-case hex ("AB:CD:...").</summary>
    public string Sha256 { get; } = Fingerprint(certificate);

    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Select(static pair => new string(pair)));

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var intermediate in Chain)
        {
            intermediate.Dispose();
        }
    }
}
