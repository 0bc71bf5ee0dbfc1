using System.Security.Cryptography;

namespace Babelcast.Server.Models;

/// <summary>
/// Hashes a model file (SHA-256 and SHA-1 in one pass) and compares it with the table: SHA-256 when the table has
/// one, else whisper.cpp's published SHA-1, else nothing to compare with. A known length that differs is a mismatch
/// without reading the file.
/// </summary>
internal static class ModelChecksums
{
    private const int BufferSize = 1024 * 1024;

    public static async Task<(string Sha256, string Sha1)> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            sha1.AppendData(buffer, 0, read);
        }

        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(sha1.GetHashAndReset()));
    }

    // expectedSha256: a checksum given on the command line, which stands in for a missing table value.
    public static async Task<ModelCheck> CheckAsync(string path, ModelCatalogEntry? model, string? expectedSha256, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (model?.Bytes is { } bytes && bytes != length)
        {
            return new ModelCheck(ModelCheckStatus.Mismatch, "length", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var (sha256, sha1) = await ComputeAsync(path, cancellationToken);
        if ((model?.Sha256 ?? expectedSha256) is { } expected256)
        {
            return new ModelCheck(Matches(expected256, sha256), "sha256", expected256, sha256);
        }

        return model?.Sha1 is { } expected1
            ? new ModelCheck(Matches(expected1, sha1), "sha1", expected1, sha1)
            : new ModelCheck(ModelCheckStatus.UnknownChecksum, "sha256", null, sha256);
    }

    private static ModelCheckStatus Matches(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) ? ModelCheckStatus.Ok : ModelCheckStatus.Mismatch;
}
