using Babelcast.Server.Https;

namespace Babelcast.Server.Tests.Https;

/// <summary>Settings that cannot work stop the start, and the message names the key to fix.</summary>
public sealed class HttpsOptionsValidatorTests : IDisposable
{
    private readonly PemPair _pem = PemPair.Create();

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("self-signed")]
    [InlineData("files")]
    public void Validate_KnownMode_Succeeds(string mode)
    {
        var result = Validate(new HttpsOptions { Mode = mode, CertificatePath = _pem.CertificatePath, KeyPath = _pem.KeyPath });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownMode_FailsNamingMode()
    {
        var result = Validate(new HttpsOptions { Mode = "acme" });

        Assert.True(result.Failed);
        Assert.Contains("Babelcast:Https:Mode", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("acme", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PortOutOfRange_FailsNamingPort()
    {
        var result = Validate(new HttpsOptions { Mode = "self-signed", Port = 70000 });

        Assert.Contains("Babelcast:Https:Port", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FilesModeWithoutPaths_FailsNamingCertificatePath()
    {
        var result = Validate(new HttpsOptions { Mode = "files" });

        Assert.Contains("Babelcast:Https:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCertificateFile_FailsNamingCertificatePath()
    {
        var missing = Path.Combine(_pem.Directory, "nope.pem");

        var result = Validate(new HttpsOptions { Mode = "files", CertificatePath = missing, KeyPath = _pem.KeyPath });

        Assert.Contains("Babelcast:Https:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(missing, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingKeyFile_FailsNamingKeyPath()
    {
        var result = Validate(new HttpsOptions { Mode = "files", CertificatePath = _pem.CertificatePath, KeyPath = Path.Combine(_pem.Directory, "nokey.pem") });

        Assert.Contains("Babelcast:Https:KeyPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateFileNotPem_FailsNamingCertificatePath()
    {
        var bad = _pem.WriteFile("bad.pem", "this is not a certificate");

        var result = Validate(new HttpsOptions { Mode = "files", CertificatePath = bad, KeyPath = _pem.KeyPath });

        Assert.Contains("Babelcast:Https:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileNotAKey_FailsNamingKeyPath()
    {
        var bad = _pem.WriteFile("bad.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        var result = Validate(new HttpsOptions { Mode = "files", CertificatePath = _pem.CertificatePath, KeyPath = bad });

        Assert.Contains("Babelcast:Https:KeyPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyOfAnotherCertificate_FailsNamingKeyPath()
    {
        var result = Validate(new HttpsOptions { Mode = "files", CertificatePath = _pem.CertificatePath, KeyPath = _pem.WriteOtherKey() });

        Assert.Contains("Babelcast:Https:KeyPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("does not hold the private key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FullChain_LeafServedWithTheRestAsChain()
    {
        using var loaded = PemCertificateFiles.Load(_pem.CertificatePath, _pem.KeyPath, "c", "k");

        Assert.Equal(_pem.Sha256, loaded.Sha256.Replace(":", "", StringComparison.Ordinal));
        Assert.True(loaded.Certificate.HasPrivateKey);
        Assert.Equal("CN=Test CA", Assert.Single(loaded.Chain).Subject);
    }

    public void Dispose() => _pem.Dispose();

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(HttpsOptions options) =>
        new HttpsOptionsValidator().Validate(null, options);
}
