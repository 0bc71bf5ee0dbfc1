namespace Babelcast.Core.Scripture;

/// <summary>One way of naming a book: its words (lower case), the book number it needs ("1" of "1 Corinthians")
/// and whether it is an abbreviation (then only with a chapter in digits).</summary>
internal sealed record BookName(string OsisId, string[] Words, int Ordinal, BookNameKind Kind, bool IsAbbreviation);
