using System.Security.Cryptography;
using Babelcast.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Auth;

/// <summary>
/// The HMAC key for our own tokens: the configured one, else the one in {DataDirectory}/keys/jwt-signing.key,
/// generated there on first use (64 random bytes, base64, mode 600) so that tokens survive restarts.
/// </summary>
internal sealed class SigningKeyProvider
{
    public const int MinimumKeyBytes = 32;
    public const int GeneratedKeyBytes = 64;
    public const string KeyFileName = "jwt-signing.key";

    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyProvider(IOptions<AuthOptions> authOptions, IOptions<BabelcastOptions> babelcastOptions, ILogger<SigningKeyProvider> logger)
    {
        _key = new Lazy<SymmetricSecurityKey>(() => Load(authOptions.Value, babelcastOptions.Value, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SymmetricSecurityKey Key => _key.Value;

    public static string KeyPath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "keys", KeyFileName);

    public static bool TryDecode(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written < MinimumKeyBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    private static SymmetricSecurityKey Load(AuthOptions auth, BabelcastOptions babelcast, ILogger logger)
    {
        if (TryDecode(auth.SigningKey, out var configured))
        {
            return new SymmetricSecurityKey(configured) { KeyId = "configured" };
        }

        var path = KeyPath(babelcast.DataDirectory);
        if (!File.Exists(path))
        {
            Generate(path, logger);
        }

        if (!TryDecode(File.ReadAllText(path), out var stored))
        {
            throw new InvalidOperationException($"The JWT signing key file '{path}' is not base64 of at least {MinimumKeyBytes} bytes.");
        }

        return new SymmetricSecurityKey(stored) { KeyId = "local" };
    }

    private static void Generate(string path, ILogger logger)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with 600 from the start, so the key is never readable by others, not even briefly.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes)));
        }

        try
        {
            // No overwrite: when two processes race, the first key wins and both read it.
            File.Move(temp, path, overwrite: false);
            Log.SigningKeyGenerated(logger, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
