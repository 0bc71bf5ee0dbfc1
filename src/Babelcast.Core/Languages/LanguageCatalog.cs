using Babelcast.Core.Pipeline;

namespace Babelcast.Core.Languages;

/// <summary>
/// Languages derived from the installed engines: sources are what the recogniser hears; targets are the source
/// itself and every language the translator reaches, in both cases only if the synthesiser has a voice for it.
/// </summary>
public sealed class LanguageCatalog(EngineSet engines) : ILanguageCatalog
{
    private readonly Lazy<Dictionary<string, IReadOnlyList<LanguageInfo>>> _targets = new(() =>
        engines.Recognizer.SupportedLanguages.ToDictionary(
            s => s.Code,
            s => (IReadOnlyList<LanguageInfo>)engines.Translator.GetTargets(s.Code)
                .Prepend(s.Code)
                .Where(t => engines.Synthesizer.Languages.Contains(t, StringComparer.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(LanguageNames.Info)
                .OrderBy(l => l.Code == s.Code ? 0 : 1).ThenBy(l => l.Name, StringComparer.Ordinal)
                .ToList(),
            StringComparer.OrdinalIgnoreCase));

    public IReadOnlyList<LanguageInfo> Sources => engines.Recognizer.SupportedLanguages;

    public IReadOnlyList<LanguageInfo> AllTargets =>
        _targets.Value.Values.SelectMany(t => t).DistinctBy(t => t.Code).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<LanguageInfo> TargetsFor(string sourceLanguage) =>
        _targets.Value.TryGetValue(sourceLanguage, out var t) ? t : [];

    public bool IsSource(string code) => Sources.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}
