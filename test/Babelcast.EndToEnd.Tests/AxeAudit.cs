using System.Text.Json;
using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>Runs axe-core (extracted from npm by .ci/install-e2e.sh) in the page and returns its violations.</summary>
internal static class AxeAudit
{
    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Id}: {Help} at {string.Join(", ", Targets)}";
    }

    /// <summary>WCAG 2.x A/AA rules and best practices (labels, names, contrast, keyboard and focus, ARIA).</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepoPaths.AxeScript });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations'],
              });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
              })));
            }
            """);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray()
            .Select(v => new Violation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .ToList();
    }

    /// <summary>The violations that block: impact serious or critical.</summary>
    public static async Task<IReadOnlyList<Violation>> SeriousAsync(IPage page) =>
        (await RunAsync(page)).Where(v => v.Impact is "serious" or "critical").ToList();
}
