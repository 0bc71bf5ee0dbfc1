namespace Babelcast.Bench.Hosting;

/// <summary>Finds the built server (src/Babelcast.Server/bin/CONFIG/net10.0/babelcast.dll), preferring the bench's own configuration.</summary>
public static class ServerLocator
{
    public static string FindServerDll(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException("--server-dll not found", explicitPath);
        }

        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "src", "Babelcast.Server", "bin");
            if (!Directory.Exists(bin))
            {
                continue;
            }

            foreach (var c in new[] { config, config == "Release" ? "Debug" : "Release" })
            {
                var dll = Path.Combine(bin, c, "net10.0", "babelcast.dll");
                if (File.Exists(dll))
                {
                    return dll;
                }
            }
        }

        throw new FileNotFoundException("babelcast.dll not found under src/Babelcast.Server/bin; build the server or pass --server-dll.");
    }
}
