using System.Net;
using System.Security.Cryptography.X509Certificates;
using Babelcast.Server.Hosting;

namespace Babelcast.Server.Https;

/// <summary>
/// Keeps the self-signed certificate in {DataDirectory}/https: reused across restarts (its fingerprint is what the
/// operator checks in the browser), replaced only when it no longer covers this machine's names and addresses or is
/// about to expire. A replacement keeps the addresses of the old one, so a laptop moving between two networks does
/// not get a new fingerprint at every move.
/// </summary>
internal static class SelfSignedCertificateStore
{
    public const string CertificateFileName = "babelcast.pem";
    public const string KeyFileName = "babelcast.key";
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);
    private const int MaxKeptAddresses = 32;

    public static string CertificatePath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "https", CertificateFileName);

    public static string KeyPath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "https", KeyFileName);

    /// <summary>The names a self-signed certificate of this machine must cover.</summary>
    public static (IReadOnlyList<string> DnsNames, IReadOnlyList<IPAddress> Addresses) Required(string hostName, IEnumerable<IPAddress> lanAddresses)
    {
        var host = hostName.ToLowerInvariant();
        string[] dns = host is "" or "localhost" ? ["localhost"] : [host, host + ".local", "localhost"];
        return (dns, new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }.Concat(lanAddresses).Select(SelfSignedCertificateFactory.Unscoped).Distinct().ToArray());
    }

    public static HttpsCertificate LoadOrCreate(string dataDirectory, string hostName, IEnumerable<IPAddress> lanAddresses, DateTimeOffset now, ILogger logger)
    {
        var certificatePath = CertificatePath(dataDirectory);
        var keyPath = KeyPath(dataDirectory);
        var (dns, addresses) = Required(hostName, lanAddresses);
        IReadOnlyList<IPAddress> kept = [];
        var reason = "none yet";
        if (File.Exists(certificatePath) || File.Exists(keyPath))
        {
            HttpsCertificate? existing = null;
            try
            {
                existing = PemCertificateFiles.Load(certificatePath, keyPath, certificatePath, keyPath);
                kept = SelfSignedCertificateFactory.Covered(existing.Certificate).Addresses;
                var missing = SelfSignedCertificateFactory.Missing(existing.Certificate, dns, addresses);
                var notAfter = new DateTimeOffset(existing.Certificate.NotAfter.ToUniversalTime());
                if (missing.Count > 0)
                {
                    reason = "it did not cover " + string.Join(", ", missing);
                }
                else if (notAfter - now < RenewBefore)
                {
                    reason = $"it expires on {notAfter:yyyy-MM-dd}";
                }
                else
                {
                    var reused = existing;
                    existing = null;
                    return reused;
                }
            }
            catch (HttpsConfigurationException e)
            {
                HttpsLog.Unreadable(logger, certificatePath, e.Message);
                reason = "the old one could not be read";
            }
            finally
            {
                existing?.Dispose();
            }
        }

        var all = addresses.Concat(kept.Select(SelfSignedCertificateFactory.Unscoped)).Distinct().Take(Math.Max(MaxKeptAddresses, addresses.Count)).ToArray();
        DataDirectory.Ensure(dataDirectory); // 0700 before its https folder is created inside it
        using (var created = SelfSignedCertificateFactory.Create(hostName, dns, all, now))
        using (var key = created.GetECDsaPrivateKey()!)
        {
            // The key first: a certificate file is never left without its key.
            DataDirectory.WriteOwnerOnlyFile(keyPath, key.ExportPkcs8PrivateKeyPem());
            DataDirectory.WriteOwnerOnlyFile(certificatePath, created.ExportCertificatePem());
        }

        HttpsLog.Generated(logger, certificatePath, reason, string.Join(", ", dns.Concat(all.Select(static a => a.ToString()))));
        return PemCertificateFiles.Load(certificatePath, keyPath, certificatePath, keyPath);
    }
}
