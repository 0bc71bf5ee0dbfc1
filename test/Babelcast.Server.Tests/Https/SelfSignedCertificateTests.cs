using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Babelcast.Server.Https;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Server.Tests.Https;

/// <summary>The self-signed certificate: what it covers, and when it is reused or replaced.</summary>
public sealed class SelfSignedCertificateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Lan = IPAddress.Parse("192.168.1.23");
    private static readonly IPAddress LanV6 = IPAddress.Parse("2001:db8::23");
    private readonly string _data = Path.Combine(Path.GetTempPath(), "babelcast-https-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void LoadOrCreate_FirstStart_CoversHostLoopbackAndLanAddresses_WithEcdsaP256()
    {
        using var created = Create([Lan, LanV6]);

        var (dns, ips) = SelfSignedCertificateFactory.Covered(created.Certificate);
        Assert.Equal(["studio-pc", "studio-pc.local", "localhost"], dns);
        Assert.Equal(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback, Lan, LanV6 }.Select(a => a.ToString()), ips.Select(a => a.ToString()));
        using var key = created.Certificate.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        Assert.True(created.Certificate.HasPrivateKey);
        Assert.Equal(Now.AddDays(825).UtcDateTime, created.Certificate.NotAfter.ToUniversalTime());
        var usage = created.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(usage.EnhancedKeyUsages.Cast<Oid>()).Value);
    }

    [Fact]
    public void LoadOrCreate_Fingerprint_IsColonSeparatedSha256OfTheDer()
    {
        using var created = Create([Lan]);

        var expected = created.Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        Assert.Equal(expected, created.Sha256.Replace(":", "", StringComparison.Ordinal));
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", created.Sha256);
    }

    [Fact]
    public void LoadOrCreate_KeyAndCertificateFiles_AreOwnerOnly()
    {
        using var created = Create([Lan]);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SelfSignedCertificateStore.KeyPath(_data)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SelfSignedCertificateStore.CertificatePath(_data)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_data, "https")));
        }

        Assert.Contains("BEGIN PRIVATE KEY", File.ReadAllText(SelfSignedCertificateStore.KeyPath(_data)), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrCreate_SecondStartSameAddresses_ReusesTheCertificate()
    {
        using var first = Create([Lan]);
        using var second = Create([Lan], Now.AddDays(100));

        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void LoadOrCreate_NewLanAddress_RegeneratesCoveringOldAndNew()
    {
        var moved = IPAddress.Parse("10.0.0.7");
        using var first = Create([Lan]);
        using var second = Create([moved]);

        Assert.NotEqual(first.Sha256, second.Sha256);
        var ips = SelfSignedCertificateFactory.Covered(second.Certificate).Addresses;
        Assert.Contains(moved, ips);
        Assert.Contains(Lan, ips);
        using var back = Create([Lan]);
        Assert.Equal(second.Sha256, back.Sha256);
    }

    [Fact]
    public void LoadOrCreate_NearExpiry_Regenerates()
    {
        using var first = Create([Lan]);
        using var later = Create([Lan], Now.AddDays(800));

        Assert.NotEqual(first.Sha256, later.Sha256);
        Assert.True(later.Certificate.NotAfter.ToUniversalTime() > Now.AddDays(800 + 800).UtcDateTime);
    }

    [Fact]
    public void LoadOrCreate_KeyFileDamaged_Regenerates()
    {
        using var first = Create([Lan]);
        File.WriteAllText(SelfSignedCertificateStore.KeyPath(_data), "not a key");

        using var second = Create([Lan]);

        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.True(second.Certificate.HasPrivateKey);
    }

    [Fact]
    public void Missing_AddressNotInCertificate_IsReported()
    {
        using var created = Create([Lan]);

        var missing = SelfSignedCertificateFactory.Missing(created.Certificate, ["studio-pc", "other-name"], [Lan, LanV6]);

        Assert.Equal(["other-name", LanV6.ToString()], missing);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private HttpsCertificate Create(IPAddress[] lan, DateTimeOffset? now = null) =>
        SelfSignedCertificateStore.LoadOrCreate(_data, "Studio-PC", lan, now ?? Now, NullLogger.Instance);
}
