using Babelcast.Core.Scripture;

namespace Babelcast.Scripture.Sword;

/// <summary>Reads a SWORD module's <c>.conf</c> (an INI file: "[ModuleId]" then "Key=Value" lines); Bibles only.</summary>
internal static class SwordModuleConf
{
    private static readonly HashSet<string> TextDrivers = new(StringComparer.OrdinalIgnoreCase) { "zText", "zText4", "RawText", "RawText4" };

    public static BibleInfo? Parse(string content)
    {
        string? id = null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                if (id is not null)
                {
                    break;
                }

                id = line[1..^1].Trim();
            }
            else if (id is not null && line.IndexOf('=') is > 0 and var eq)
            {
                values.TryAdd(line[..eq].Trim(), line[(eq + 1)..].Trim());
            }
        }

        var isBible = values.TryGetValue("Category", out var category)
            ? category.Equals("Biblical Texts", StringComparison.OrdinalIgnoreCase)
            : values.TryGetValue("ModDrv", out var driver) && TextDrivers.Contains(driver);
        if (string.IsNullOrEmpty(id) || id.Equals("Globals", StringComparison.OrdinalIgnoreCase) || !isBible)
        {
            return null;
        }

        return new BibleInfo(
            id,
            values.GetValueOrDefault("Description") ?? id,
            values.GetValueOrDefault("Lang") ?? "",
            values.GetValueOrDefault("DistributionLicense") ?? "unknown");
    }
}
