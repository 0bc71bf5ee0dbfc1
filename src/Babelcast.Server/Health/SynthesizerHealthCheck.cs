using Babelcast.Core.Pipeline;
using Babelcast.Core.Synthesis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Health;

/// <summary>Synthesises one word in the first language that has a voice; no samples fails the check.</summary>
internal sealed class SynthesizerHealthCheck(EngineSet engines, IOptions<HealthOptions> options, TimeProvider time)
    : CachedEngineHealthCheck(options, time)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var synthesizer = engines.Synthesizer;
        var language = synthesizer.Languages.Contains("en") ? "en" : synthesizer.Languages.FirstOrDefault();
        if (language is null)
        {
            return HealthCheckResult.Unhealthy($"{synthesizer.Name}: no voice installed");
        }

        var speech = await synthesizer.SynthesizeAsync("ok", language, Prosody.Neutral, cancellationToken);
        return speech.Samples.Length > 0
            ? HealthCheckResult.Healthy($"{synthesizer.Name}: synthesised {language}")
            : HealthCheckResult.Unhealthy($"{synthesizer.Name}: no audio for {language}");
    }
}
