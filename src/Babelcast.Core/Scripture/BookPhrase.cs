namespace Babelcast.Core.Scripture;

/// <summary>
/// A book named in the text: tokens [Start, End), with what led up to it. HasOrdinal: a number was read in front
/// ("First Corinthians"). HasGenre: introduced as a book ("the book of Job", "the gospel of Luke", "the letter to the Romans").
/// </summary>
internal readonly record struct BookPhrase(BookName Name, BibleBook Book, int Start, int End, bool HasOrdinal, bool HasGenre, bool NameIsCapitalised);
