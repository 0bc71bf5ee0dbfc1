using Babelcast.Core.Languages;

namespace Babelcast.Server.Endpoints;

internal sealed record LanguagesResponse(
    IReadOnlyList<LanguageInfo> Sources,
    IReadOnlyList<LanguageInfo> Targets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> TargetsBySource);
