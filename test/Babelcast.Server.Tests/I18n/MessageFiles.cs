using System.Text.Json;
using System.Text.RegularExpressions;

namespace Babelcast.Server.Tests.I18n;

/// <summary>The page message files (src/Babelcast.Server/wwwroot/i18n/{lang}.json) and the pages that use them.</summary>
internal static partial class MessageFiles
{
    private static readonly Lazy<string> WebRootPath = new(FindWebRoot);

    public static string WebRoot => WebRootPath.Value;

    public static string Directory => Path.Combine(WebRoot, "i18n");

    /// <summary>Language code (file name) to its messages, as read from disk.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ReadAll() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), Read, StringComparer.Ordinal);

    /// <summary>Every key the listener-facing markup and scripts ask for: data-i18n attributes and t('key') calls.</summary>
    public static IReadOnlyList<(string Key, string File)> UsedKeys()
    {
        var files = System.IO.Directory.GetFiles(WebRoot, "*.html")
            .Concat(System.IO.Directory.GetFiles(Path.Combine(WebRoot, "js"), "*.js"));
        var used = new List<(string, string)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(WebRoot, file);
            used.AddRange(AttributeKey().Matches(text).Select(m => (m.Groups["key"].Value, name)));
            used.AddRange(CallKey().Matches(text).Select(m => (m.Groups["key"].Value, name)));
        }

        return used;
    }

    /// <summary>The UI_LANGUAGES list of js/i18n.js (the languages the pages may load).</summary>
    public static IReadOnlyList<string> ModuleLanguages()
    {
        var match = ModuleList().Match(File.ReadAllText(Path.Combine(WebRoot, "js", "i18n.js")));
        return match.Success
            ? QuotedCode().Matches(match.Groups["list"].Value).Select(m => m.Groups["code"].Value).ToList()
            : throw new InvalidDataException("js/i18n.js has no UI_LANGUAGES list.");
    }

    /// <summary>The {name} placeholders of a message.</summary>
    public static IReadOnlySet<string> Placeholders(string message) =>
        Placeholder().Matches(message).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string?> Read(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        return doc.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null,
            StringComparer.Ordinal);
    }

    private static string FindWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Babelcast.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Babelcast.Server", "wwwroot");
            }
        }

        throw new DirectoryNotFoundException("Babelcast.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"data-i18n(?:-[a-z-]+)?=""(?<key>[^""]*)""")]
    private static partial Regex AttributeKey();

    [GeneratedRegex("""(?<![\w.$])t\(\s*['"`](?<key>[^'"`]*)['"`]""")]
    private static partial Regex CallKey();

    [GeneratedRegex("""UI_LANGUAGES\s*=\s*\[(?<list>[^\]]*)\]""")]
    private static partial Regex ModuleList();

    [GeneratedRegex("""'(?<code>[^']+)'""")]
    private static partial Regex QuotedCode();

    [GeneratedRegex("""\{\w+\}""")]
    private static partial Regex Placeholder();
}
