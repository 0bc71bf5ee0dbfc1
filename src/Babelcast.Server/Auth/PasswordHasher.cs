using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Babelcast.Server.Auth;

/// <summary>
/// PBKDF2-SHA256 password hashes in the self-describing form <c>pbkdf2-sha256$iterations$salt$hash</c>
/// (salt and hash base64), so that the iteration count can grow later without invalidating stored hashes.
/// </summary>
public static class PasswordHasher
{
    public const string Algorithm = "pbkdf2-sha256";
    public const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MaxIterations = 10_000_000;

    // Verified against when the user does not exist, so that unknown names cost the same time as wrong passwords.
    private static readonly Lazy<string> DummyHash = new(() => Hash("not-a-real-password-" + Guid.NewGuid()));

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Algorithm, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True if <paramref name="password"/> matches; false for any malformed hash.</summary>
    public static bool Verify(string password, string? encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = encoded?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxIterations)
        {
            return false;
        }

        byte[] salt;
        byte[] expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (expected.Length == 0)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification; used when the user is unknown.</summary>
    public static void VerifyDummy(string password) => _ = Verify(password, DummyHash.Value);
}
