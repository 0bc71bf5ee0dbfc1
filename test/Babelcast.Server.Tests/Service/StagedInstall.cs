using Babelcast.Testing;

namespace Babelcast.Server.Tests.Service;

/// <summary>
/// scripts/install-service.sh --dry-run, once per test class (it publishes the server, which takes minutes): the
/// service's whole layout (published server, data directory, unit) under a temporary staging root.
/// </summary>
public sealed class StagedInstall : IAsyncLifetime
{
    public const string Prefix = "/opt/babelcast";
    public const string DataDirectory = "/var/lib/babelcast";
    public const string UnitName = "babelcast.service";

    public string Root { get; } = Directory.CreateTempSubdirectory("babelcast-install-").FullName;

    public string Script => Path.Combine(TestData.RepositoryRoot, "scripts", "install-service.sh");

    public string StagedPrefix => Root + Prefix;

    public string StagedData => Root + DataDirectory;

    public string UnitPath => Path.Combine(Root, "etc", "systemd", "system", UnitName);

    public string FirstRunOutput { get; private set; } = string.Empty;

    public string[] DryRunArguments(params string[] extra) =>
        [Script, "--dry-run", "--root", Root, "--prefix", Prefix, "--data-dir", DataDirectory, .. extra];

    public async Task InitializeAsync()
    {
        var (exit, output) = await ProcessRunner.RunAsync("bash", DryRunArguments(), TimeSpan.FromMinutes(20), TestData.RepositoryRoot);
        FirstRunOutput = output;
        if (exit != 0)
        {
            throw new InvalidOperationException($"install-service.sh --dry-run failed ({exit}):\n{output}");
        }
    }

    /// <summary>Every <c>Key=Value</c> line of the [Service] section, in order (keys may repeat).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServiceSettings()
    {
        var section = "";
        var settings = new List<KeyValuePair<string, string>>();
        foreach (var line in File.ReadAllLines(UnitPath).Select(l => l.Trim()))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line;
            }
            else if (section == "[Service]" && line.Length > 0 && !line.StartsWith('#') && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                settings.Add(new(line[..eq], line[(eq + 1)..]));
            }
        }

        return settings;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}
