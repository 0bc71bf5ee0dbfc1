using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Apertium.Routing;

/// <summary>Finds the usable modes in the modes directory and keys them by (source, target).</summary>
internal static class ModeCatalog
{
    // eng-hbs marks most words as unknown (#, @): worse than no Serbo-Croatian at all.
    private static readonly string[] BuiltInExclusions = ["eng-hbs"];

    public static IReadOnlyDictionary<string, ApertiumMode> Discover(ApertiumOptions options, ILogger logger)
    {
        var excluded = new HashSet<string>(BuiltInExclusions.Concat(options.ExcludedModes), StringComparer.Ordinal);
        var modes = new Dictionary<string, ApertiumMode>(StringComparer.OrdinalIgnoreCase);
        var files = Directory.Exists(options.ModesDirectory)
            ? Directory.GetFiles(options.ModesDirectory, "*.mode").Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (excluded.Contains(name) || options.AdditionalModes.ContainsKey(name))
            {
                continue;
            }

            if (Parse(name) is not var (source, target))
            {
                Log.ModeSkipped(logger, name);
                continue;
            }

            // Two files for one direction (en-eo and eng-epo, say): keep the first in name order.
            modes.TryAdd(Key(source, target), new ApertiumMode(name, source, target, file));
        }

        foreach (var (name, pair) in options.AdditionalModes)
        {
            var parts = pair.Split('|');
            var source = LanguageCodes.Normalize(parts[0]);
            var target = LanguageCodes.Normalize(parts[1]);
            modes[Key(source, target)] = new ApertiumMode(name, source, target, Path.Combine(options.ModesDirectory, name + ".mode"));
        }

        Log.ModesDiscovered(logger, modes.Count, options.ModesDirectory);
        return modes;
    }

    public static string Key(string source, string target) => source + "|" + target;

    /// <summary>"eng-spa" -> (en, es); variants ("es-pt_BR") and compound names ("en-eo-bytecode") -> null.</summary>
    internal static (string Source, string Target)? Parse(string modeName)
    {
        if (modeName.Contains('_', StringComparison.Ordinal) || modeName.Split('-') is not [var from, var to])
        {
            return null;
        }

        var source = LanguageCodes.FromApertium(from);
        var target = LanguageCodes.FromApertium(to);
        return source is null || target is null || source == target ? null : (source, target);
    }
}
