using Microsoft.Extensions.Options;

namespace Babelcast.Core.Scripture;

/// <summary>
/// Scripture for the API and the live pipeline: the configured <see cref="IBibleLibrary"/> (an unknown name fails at
/// start-up with the valid names) and the choice of Bible per language.
/// </summary>
public sealed class ScriptureService
{
    private readonly ScriptureOptions _options;

    public ScriptureService(IOptions<ScriptureOptions> options, IEnumerable<IBibleLibrary> libraries)
    {
        _options = options.Value;
        var list = libraries.ToList();
        Library = list.FirstOrDefault(l => string.Equals(l.Name, _options.Library, StringComparison.OrdinalIgnoreCase))
            ?? throw new OptionsValidationException(ScriptureOptions.Section, typeof(ScriptureOptions),
                [$"{ScriptureOptions.Section}:Library = '{_options.Library}' is not a known Bible library; valid names: {string.Join(", ", list.Select(l => l.Name))}"]);
    }

    public IBibleLibrary Library { get; }

    public ValueTask<IReadOnlyList<BibleInfo>> ListBiblesAsync(CancellationToken cancellationToken) => Library.ListBiblesAsync(cancellationToken);

    /// <summary>The Bible that serves <paramref name="language"/>, or null when the text must be machine-translated.</summary>
    public async ValueTask<BibleInfo?> ChooseBibleAsync(string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        return BibleChooser.Choose(await Library.ListBiblesAsync(cancellationToken), language, _options.Bibles);
    }

    /// <summary>The passage in <paramref name="language"/>'s Bible; <see cref="PassageStatus.NoBibleForLanguage"/> when there is none.</summary>
    public async ValueTask<PassageLookup> GetPassageAsync(ScriptureReference reference, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var bible = await ChooseBibleAsync(language, cancellationToken);
        return bible is null
            ? PassageLookup.NoBible(reference, language)
            : await Library.GetPassageAsync(bible.Id, reference, cancellationToken);
    }
}
