using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Babelcast.Server.Https;

/// <summary>
/// Creates the self-signed server certificate with .NET's own X.509 APIs: ECDSA P-256, SHA-256, server
/// authentication only, the host name and addresses as subject alternative names (browsers ignore the subject).
/// </summary>
internal static class SelfSignedCertificateFactory
{
    /// <summary>Apple's limit for TLS server certificates; others accept it too.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(825);

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string SubjectAlternativeName = "2.5.29.17";

    public static X509Certificate2 Create(string hostName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName($"Babelcast on {hostName}");
        subject.AddOrganizationName("Babelcast self-signed");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names.AddDnsName(dns);
        }

        foreach (var address in addresses.Select(Unscoped).Distinct())
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        // A day of slack for clocks that run behind (a phone, a laptop just woken up).
        return request.CreateSelfSigned(now.AddDays(-1), now.Add(Validity));
    }

    /// <summary>The required names and addresses that <paramref name="certificate"/> does not cover.</summary>
    public static IReadOnlyList<string> Missing(X509Certificate2 certificate, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        var (dns, ips) = Covered(certificate);
        var dnsSet = dns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ipSet = ips.Select(Unscoped).ToHashSet();
        return dnsNames.Where(n => !dnsSet.Contains(n))
            .Concat(addresses.Where(a => !ipSet.Contains(Unscoped(a))).Select(static a => a.ToString()))
            .ToArray();
    }

    /// <summary>The DNS names and IP addresses in the certificate's subject alternative names.</summary>
    public static (IReadOnlyList<string> DnsNames, IReadOnlyList<IPAddress> Addresses) Covered(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value == SubjectAlternativeName)
            {
                var names = new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
                return (names.EnumerateDnsNames().ToArray(), names.EnumerateIPAddresses().ToArray());
            }
        }

        return ([], []);
    }

    /// <summary>An address without its IPv6 scope, which a certificate does not carry.</summary>
    public static IPAddress Unscoped(IPAddress address) => new(address.GetAddressBytes());
}
