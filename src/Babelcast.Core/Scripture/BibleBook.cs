namespace Babelcast.Core.Scripture;

/// <summary>One book of the 66-book Protestant canon with its chapters and the verses in each (KJV versification).</summary>
public sealed class BibleBook
{
    private readonly int[] _verseCounts;

    internal BibleBook(int number, string osisId, string name, string swordName, int[] verseCounts)
    {
        Number = number;
        OsisId = osisId;
        Name = name;
        SwordName = swordName;
        _verseCounts = verseCounts;
    }

    /// <summary>1 (Genesis) to 66 (Revelation).</summary>
    public int Number { get; }

    /// <summary>The OSIS book id, e.g. "1Cor".</summary>
    public string OsisId { get; }

    /// <summary>The English name, e.g. "1 Corinthians".</summary>
    public string Name { get; }

    /// <summary>The name SWORD front ends print before each verse, e.g. "I Corinthians".</summary>
    public string SwordName { get; }

    public int Chapters => _verseCounts.Length;

    /// <summary>Books of one chapter are cited by verse alone ("Jude 3" is Jude 1:3).</summary>
    public bool IsSingleChapter => _verseCounts.Length == 1;

    /// <summary>The number of verses in <paramref name="chapter"/>, or 0 if the book has no such chapter.</summary>
    public int VersesIn(int chapter) => chapter >= 1 && chapter <= _verseCounts.Length ? _verseCounts[chapter - 1] : 0;

    public override string ToString() => Name;
}
