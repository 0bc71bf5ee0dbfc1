using Babelcast.Core.Languages;

namespace Babelcast.Server.Endpoints;

internal static class LanguageEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/languages", Get);

    private static IResult Get(ILanguageCatalog languages) => TypedResults.Ok(new LanguagesResponse(
        languages.Sources,
        languages.AllTargets,
        languages.Sources.ToDictionary(s => s.Code, s => (IReadOnlyList<string>)languages.TargetsFor(s.Code).Select(t => t.Code).ToArray(), StringComparer.Ordinal)));
}
