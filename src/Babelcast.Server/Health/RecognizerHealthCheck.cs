using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Health;

/// <summary>Rents a recogniser for the first source language and decodes 100 ms of silence (unhealthy when all are busy past the timeout).</summary>
internal sealed class RecognizerHealthCheck(EngineSet engines, ILanguageCatalog languages, IOptions<HealthOptions> options, TimeProvider time)
    : CachedEngineHealthCheck(options, time)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (languages.Sources.Count == 0)
        {
            return HealthCheckResult.Unhealthy($"{engines.Recognizer.Name}: no source language installed");
        }

        var language = languages.Sources[0].Code;
        await using var recognizer = await engines.Recognizer.RentAsync(language, cancellationToken);
        var silence = new short[1600];
        recognizer.StartUtterance();
        recognizer.ProcessChunk(silence);
        await recognizer.EndUtteranceAsync(silence, cancellationToken);
        return HealthCheckResult.Healthy($"{engines.Recognizer.Name}: decoded {language}");
    }
}
