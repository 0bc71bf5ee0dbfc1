using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Health;

/// <summary>Translates one word from the first source language into its first other target.</summary>
internal sealed class TranslatorHealthCheck(EngineSet engines, ILanguageCatalog languages, IOptions<HealthOptions> options, TimeProvider time)
    : CachedEngineHealthCheck(options, time)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var translator = engines.Translator;
        var pair = languages.Sources
            .SelectMany(s => translator.GetTargets(s.Code).Where(t => !string.Equals(t, s.Code, StringComparison.OrdinalIgnoreCase)).Select(t => (Source: s.Code, Target: t)))
            .FirstOrDefault();
        if (pair == default)
        {
            return HealthCheckResult.Healthy($"{translator.Name}: no language pair to translate (source captions only)");
        }

        var result = await translator.TranslateAsync("hello", pair.Source, pair.Target, cancellationToken);
        return result.Success && result.Text.Length > 0
            ? HealthCheckResult.Healthy($"{translator.Name}: translated {pair.Source}->{pair.Target}")
            : HealthCheckResult.Unhealthy($"{translator.Name}: {pair.Source}->{pair.Target} failed: {result.Error ?? "empty result"}");
    }
}
