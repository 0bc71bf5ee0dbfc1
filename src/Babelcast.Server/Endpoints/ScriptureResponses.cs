using Babelcast.Core.Scripture;

namespace Babelcast.Server.Endpoints;

internal sealed record BiblesResponse(IReadOnlyList<BibleInfo> Bibles);

internal sealed record ScriptureReferenceView(string Osis, string BookOsisId, string Book, int Chapter, int? VerseStart, int? VerseEnd, string Display)
{
    public static ScriptureReferenceView From(ScriptureReference reference) => new(
        reference.Osis, reference.Book.OsisId, reference.Book.Name, reference.Chapter, reference.VerseStart, reference.VerseEnd, reference.Display);
}

internal sealed record ScriptureResponse(ScriptureReferenceView Reference, string Language, BibleInfo Bible, IReadOnlyList<BibleVerse> Verses);
