namespace Babelcast.Bench;

/// <summary>What a run wrote, and its result object (the same data as the JSON file).</summary>
public sealed record BenchOutcome(string Scenario, string JsonPath, string MarkdownPath, IReadOnlyList<string> SvgPaths, object Result);
