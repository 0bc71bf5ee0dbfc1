using Babelcast.Core.Languages;

namespace Babelcast.Server.Endpoints;

internal sealed record LanguagesResponse(
    IReadOnlyList<LanguageInfo> Sources,
    IReadOnlyList<LanguageInfo> Targets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> TargetsBySource,
    IReadOnlyDictionary<string, TierEngines> QualityTiers);

/// <summary>
/// The engines that serve one quality tier: <see cref="Translation"/> maps source, then target, to the engines tried in
/// order (the first that answers usably within the budget wins). <see cref="UnavailableReason"/> says why a tier that
/// is not <see cref="Available"/> cannot be used.
/// </summary>
internal sealed record TierEngines(
    bool Available,
    string? UnavailableReason,
    string Recognition,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Translation,
    double? TranslationBudgetSeconds);
