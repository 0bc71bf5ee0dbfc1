namespace Babelcast.Engines.PocketSphinx.Glossaries;

/// <summary>
/// A session glossary compiled for PocketSphinx once per <see cref="Key"/>: the words its terms need in the dictionary
/// (with espeak-ng pronunciations, or their "sounds like" spelling's) and a small ARPA model of its terms that each
/// decoder interpolates with its main model at <see cref="Weight"/> (the main model gets the rest).
/// </summary>
internal sealed record DecoderGlossary(string Key, IReadOnlyList<GlossaryWord> Words, string LanguageModelPath, float Weight);

/// <summary>
/// One dictionary word a glossary needs: <see cref="Word"/> as the recogniser will write it (lower case),
/// <see cref="SoundsLike"/> words whose pronunciation it takes (null: its own), and espeak-ng's pronunciation of
/// each word involved, used when the dictionary lacks it.
/// </summary>
internal sealed record GlossaryWord(string Word, IReadOnlyList<string>? SoundsLike, IReadOnlyDictionary<string, string> ESpeakPhones);
