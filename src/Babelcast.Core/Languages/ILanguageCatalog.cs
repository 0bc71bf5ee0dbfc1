namespace Babelcast.Core.Languages;

/// <summary>What the installed engines can actually serve.</summary>
public interface ILanguageCatalog
{
    /// <summary>Languages the recogniser can listen to.</summary>
    IReadOnlyList<LanguageInfo> Sources { get; }

    /// <summary>Target languages reachable from <paramref name="sourceLanguage"/> that also have a voice (the source itself included).</summary>
    IReadOnlyList<LanguageInfo> TargetsFor(string sourceLanguage);

    /// <summary>Union of all targets over all sources.</summary>
    IReadOnlyList<LanguageInfo> AllTargets { get; }

    bool IsSource(string code);
}
