namespace Babelcast.Core.Scripture;

/// <summary>How much a book's name alone says that a reference is meant.</summary>
internal enum BookNameKind
{
    /// <summary>Only ever a book ("Corinthians", "Psalm", "Leviticus"): a chapter number alone is enough.</summary>
    Distinct,

    /// <summary>Also a person's name ("John", "Mark", "Ruth"): needs a verse, a "chapter"/"verse" word or a "book of" phrase.</summary>
    Name,

    /// <summary>Also an ordinary word ("job", "acts", "numbers"): as <see cref="Name"/>, and never in lower case in text that has capitals.</summary>
    Word,
}
