using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Babelcast.Server.Https;

/// <summary>
/// Loads a PEM certificate and its private key (e.g. an ACME client's fullchain.pem and privkey.pem). Every failure is
/// a message naming the setting to fix, so that a misconfigured path stops the start with a clear reason.
/// </summary>
internal static class PemCertificateFiles
{
    public static HttpsCertificate Load(string? certificatePath, string? keyPath, string certificateKey, string keyKey)
    {
        var certificatePem = Read(certificatePath, certificateKey, "certificate");
        var keyPem = Read(keyPath, keyKey, "private key");

        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPem(certificatePem);
        }
        catch (CryptographicException e)
        {
            throw new HttpsConfigurationException($"{certificateKey} '{certificatePath}' is not a valid PEM certificate: {e.Message}");
        }

        if (all.Count == 0)
        {
            throw new HttpsConfigurationException($"{certificateKey} '{certificatePath}' contains no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }

        // The leaf is the file's first certificate (as X509Certificate2.CreateFromPem reads it); the rest is its chain.
        var chain = new X509Certificate2Collection();
        for (var i = 0; i < all.Count; i++)
        {
            if (i == 0)
            {
                all[i].Dispose();
            }
            else
            {
                chain.Add(all[i]);
            }
        }

        try
        {
#pragma warning disable CA2000 // the returned HttpsCertificate owns the leaf; its constructor only hashes it
            return new HttpsCertificate(CreateLeaf(certificatePem, keyPem, certificatePath, keyPath, certificateKey, keyKey), chain);
#pragma warning restore CA2000
        }
        catch (HttpsConfigurationException)
        {
            foreach (var intermediate in chain)
            {
                intermediate.Dispose();
            }

            throw;
        }
    }

    private static X509Certificate2 CreateLeaf(string certificatePem, string keyPem, string? certificatePath, string? keyPath, string certificateKey, string keyKey)
    {
        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException e)
        {
            throw new HttpsConfigurationException(IsPrivateKey(keyPem)
                ? $"{keyKey} '{keyPath}' does not hold the private key of the certificate in {certificateKey} '{certificatePath}'."
                : $"{keyKey} '{keyPath}' is not an unencrypted PEM private key (RSA or ECDSA): {e.Message}");
        }

        if (!OperatingSystem.IsWindows())
        {
            return leaf;
        }

        // SslStream on Windows cannot use the ephemeral key of a PEM import; a PKCS#12 round trip persists it.
        using (leaf)
        {
            return X509CertificateLoader.LoadPkcs12(leaf.Export(X509ContentType.Pkcs12), null);
        }
    }

    private static string Read(string? path, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new HttpsConfigurationException($"{key} must be the path of the PEM {what} file.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HttpsConfigurationException($"{key} '{path}' cannot be read: {e.Message}");
        }
    }

    private static bool IsPrivateKey(string pem)
    {
        foreach (var create in new Func<AsymmetricAlgorithm>[] { RSA.Create, ECDsa.Create })
        {
            using var algorithm = create();
            try
            {
                algorithm.ImportFromPem(pem);
                return true;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                // Not this kind of key; try the next.
            }
        }

        return false;
    }
}
