using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Hardening;

/// <summary>The data directory, the database and the signing key are private to the server's user.</summary>
public sealed class FilePermissionTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Start_FreshDataDirectory_DirectoriesOwnerOnlyAndFiles0600()
    {
        Assert.False(OperatingSystem.IsWindows(), "Unix file modes are what this test checks.");
        var root = Path.Combine(Path.GetTempPath(), "babelcast-perm-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(root, "data");
        try
        {
            await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?> { ["Babelcast:DataDirectory"] = data });
            await server.GetTokenAsync();

            Assert.Equal(PrivateDirectory, File.GetUnixFileMode(data));
            Assert.Equal(PrivateDirectory, File.GetUnixFileMode(Path.Combine(data, "keys")));
            Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(data, "keys", "jwt-signing.key")));
            var databases = Directory.GetFiles(data, "babelcast.db*");
            Assert.Contains(Path.Combine(data, "babelcast.db"), databases);
            Assert.All(databases, f => Assert.Equal(Private, File.GetUnixFileMode(f)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
