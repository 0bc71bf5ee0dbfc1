using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Sessions;
using Babelcast.Server.Sessions;

namespace Babelcast.Server.Endpoints;

internal static class LanguageEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/languages", Get);

    private static IResult Get(ILanguageCatalog languages, EngineSet engines) => TypedResults.Ok(new LanguagesResponse(
        languages.Sources,
        languages.AllTargets,
        languages.Sources.ToDictionary(s => s.Code, s => (IReadOnlyList<string>)languages.TargetsFor(s.Code).Select(t => t.Code).ToArray(), StringComparer.Ordinal),
        new Dictionary<string, TierEngines>(StringComparer.Ordinal)
        {
            [QualityTiers.Standard] = Tier(QualityTier.Standard, null, languages, engines),
            [QualityTiers.Premium] = Tier(QualityTier.Premium, engines.PremiumProblem(null), languages, engines),
        }));

    private static TierEngines Tier(QualityTier tier, string? problem, ILanguageCatalog languages, EngineSet engines) => new(
        problem is null,
        problem,
        engines.RecognizerFor(tier).Name,
        languages.Sources.ToDictionary(
            s => s.Code,
            s => (IReadOnlyDictionary<string, IReadOnlyList<string>>)languages.TargetsFor(s.Code)
                .ToDictionary(t => t.Code, t => engines.TranslationChain(tier, s.Code, t.Code), StringComparer.Ordinal),
            StringComparer.Ordinal),
        tier == QualityTier.Premium && engines.PremiumTranslator is { } chain ? chain.Budget.TotalSeconds : null);
}
