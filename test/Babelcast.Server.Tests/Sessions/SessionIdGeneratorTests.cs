using System.Text.RegularExpressions;
using Babelcast.Server.Sessions;

namespace Babelcast.Server.Tests.Sessions;

public sealed partial class SessionIdGeneratorTests
{
    [Fact]
    public void WordLists_Sizes_AtLeast150DistinctLowerCaseWords()
    {
        foreach (var list in new[] { SessionWords.Adjectives, SessionWords.Nouns })
        {
            Assert.True(list.Count >= 150, $"only {list.Count} words");
            Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
            Assert.All(list, w => Assert.Matches(Word(), w));
        }
    }

    [Fact]
    public void WordLists_EachWord_IsNotBlockedOnItsOwn()
    {
        Assert.All(SessionWords.Adjectives, a => Assert.False(SessionIdBlocklist.IsBlocked(a + "-a-100"), a));
        Assert.All(SessionWords.Nouns, n => Assert.False(SessionIdBlocklist.IsBlocked("a-" + n + "-100"), n));
    }

    [Fact]
    public void Next_ManyIds_MatchFormatRangeAndBlocklist()
    {
        var generator = new SessionIdGenerator();
        var ids = Enumerable.Range(0, 5000).Select(_ => generator.Next()).ToList();

        Assert.All(ids, id =>
        {
            Assert.Matches(Format(), id);
            Assert.True(SessionIds.IsValid(id));
            Assert.InRange(int.Parse(id[^3..], System.Globalization.CultureInfo.InvariantCulture), 100, 999);
            Assert.False(SessionIdBlocklist.IsBlocked(id));
        });
        Assert.True(ids.Distinct().Count() > 4900, "ids should rarely repeat");
    }

    [Theory]
    [InlineData("brave-nazi-123")]
    [InlineData("famous-hitch-123")]
    [InlineData("calm-ass-123")]
    [InlineData("happy-kill-123")]
    [InlineData("merry-otter-666")]
    [InlineData("nice-shitake-100")]
    public void IsBlocked_OffensiveWordsSubstringsAndJoins_ReturnsTrue(string id)
    {
        Assert.True(SessionIdBlocklist.IsBlocked(id));
    }

    [Theory]
    [InlineData("classic-canal-123")]
    [InlineData("brisk-shell-456")]
    [InlineData("warm-otter-789")]
    public void IsBlocked_InnocentWordsContainingShortBadWords_ReturnsFalse(string id)
    {
        Assert.False(SessionIdBlocklist.IsBlocked(id));
    }

    [Theory]
    [InlineData("brave-otter-123", true)]
    [InlineData("brave-otter-12", false)]
    [InlineData("brave-otter-1234", false)]
    [InlineData("Brave-otter-123", false)]
    [InlineData("brave-otter", false)]
    [InlineData("brave--123", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Pattern_MatchesOnlyAdjectiveNounNumber(string? id, bool valid)
    {
        Assert.Equal(valid, SessionIds.IsValid(id));
    }

    [GeneratedRegex("^[a-z]+-[a-z]+-[1-9][0-9]{2}$")]
    private static partial Regex Format();

    [GeneratedRegex("^[a-z]{2,}$")]
    private static partial Regex Word();
}
