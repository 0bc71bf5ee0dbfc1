using System.Text.Json;
using System.Text.Json.Serialization;

namespace Babelcast.Bench.Reporting;

/// <summary>Writes a scenario's JSON result, Markdown report and SVG charts side by side.</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<BenchOutcome> WriteAsync(BenchOptions options, object result, string markdown, IReadOnlyDictionary<string, string> svgs, CancellationToken cancellationToken)
    {
        var baseName = options.Scenario + (options.Smoke ? "-smoke" : string.Empty);
        var json = Path.Combine(options.OutDirectory, baseName + ".json");
        var md = Path.Combine(options.OutDirectory, baseName + ".md");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, result.GetType(), Json), cancellationToken);
        var svgPaths = new List<string>();
        foreach (var (suffix, svg) in svgs)
        {
            var path = Path.Combine(options.OutDirectory, $"{baseName}-{suffix}.svg");
            await File.WriteAllTextAsync(path, svg, cancellationToken);
            svgPaths.Add(path);
        }

        await File.WriteAllTextAsync(md, markdown, cancellationToken);
        return new BenchOutcome(options.Scenario, json, md, svgPaths, result);
    }

    public static string SvgName(BenchOptions options, string suffix) =>
        $"{options.Scenario}{(options.Smoke ? "-smoke" : string.Empty)}-{suffix}.svg";
}
