namespace Babelcast.Core.Scripture;

/// <summary>
/// The chapter and verses read after a book's name, unvalidated, and how they were said. End: the token after the
/// last one used; HasKeyword: "chapter" or "verse" was said; HasSeparator: written chapter:verse (or chapter.verse);
/// TwoNumbers: chapter and verse as two bare numbers ("John three sixteen"); Spelled: the chapter was spelled out.
/// </summary>
internal readonly record struct ScriptureLocation(
    int Chapter, int? VerseStart, int? VerseEnd, int End, bool HasKeyword, bool HasSeparator, bool TwoNumbers, bool Spelled);
