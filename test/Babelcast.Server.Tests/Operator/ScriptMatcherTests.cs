using Babelcast.Server.Operator;

namespace Babelcast.Server.Tests.Operator;

/// <summary>
/// Following the speaker through prepared text: recognition errors, lines left out, asides, a repeated chorus, several
/// short lines in one breath, a long line in two; numbers and punctuation do not count.
/// </summary>
public sealed class ScriptMatcherTests
{
    private static readonly FollowOptions Options = new();

    private static readonly string[] Psalm =
    [
        "The Lord is my shepherd; I shall not want.",
        "He makes me lie down in green pastures.",
        "He leads me beside still waters.",
        "He restores my soul.",
        "He leads me in paths of righteousness for his name's sake.",
    ];

    [Fact]
    public void RecognitionErrors_LineFollowedAndPositionMoves()
    {
        var state = Follow(Psalm);

        var match = state.Follow("the lord is my shepard i shell not want", Options, out _);

        Assert.NotNull(match);
        Assert.Equal([0], match.Send);
        Assert.Equal((true, 1, 0), state.Status());
        Assert.Equal([1], state.Follow("he makes me light down in green pasture", Options, out _)!.Send);
        Assert.Equal([2], state.Follow("he leaves me be side still water", Options, out _)!.Send);
    }

    [Fact]
    public void LinesLeftOut_NextLineReadIsFound()
    {
        var state = Follow(Psalm);

        Assert.Equal([2], state.Follow("he leads me beside still waters", Options, out _)!.Send);
        Assert.Equal([4], state.Follow("he leads me in paths of righteousness for his names sake", Options, out _)!.Send);
    }

    [Fact]
    public void LineBeyondTheLookAhead_NotFollowed()
    {
        var state = Follow(Psalm);

        Assert.Null(state.Follow("he restores my soul", new FollowOptions { LookAhead = 1 }, out _));
        Assert.Equal((true, 0, -1), state.Status());
        Assert.Equal([3], state.Follow("he restores my soul", new FollowOptions { LookAhead = 3 }, out _)!.Send);
    }

    [Fact]
    public void Aside_GoesOutAsSpeechAndPositionStays()
    {
        var state = Follow(Psalm);
        state.Follow("the lord is my shepherd i shall not want", Options, out _);

        Assert.Null(state.Follow("please sit down and turn off your phones", Options, out var best));
        Assert.True(best < Options.Threshold);
        Assert.Null(state.Follow("the", Options, out _));
        Assert.Equal([1], state.Follow("he makes me lie down in green pastures", Options, out _)!.Send);
    }

    [Fact]
    public void AsideAroundTheLine_StillFollowed()
    {
        var state = Follow(Psalm);

        Assert.Equal([0], state.Follow("so the lord is my shepherd i shall not want", Options, out _)!.Send);
    }

    [Fact]
    public void SeveralShortLinesInOneBreath_AllSentOnce()
    {
        var state = Follow(Psalm);

        var match = state.Follow("the lord is my shepherd i shall not want he makes me lie down in green pastures", Options, out _);

        Assert.Equal([0, 1], match!.Send);
        Assert.Equal((true, 2, 1), state.Status());
    }

    [Fact]
    public void LongLineInTwoBreaths_SentWithTheFirstAndTheRestIsNotSentAgain()
    {
        string[] script = ["Surely goodness and mercy shall follow me all the days of my life, and I will dwell in the house of the Lord forever.", "Amen."];
        var state = Follow(script);

        var first = state.Follow("surely goodness and mercy shall follow me all the days of my life", Options, out _);
        Assert.Equal([0], first!.Send);
        var rest = state.Follow("and i will dwell in the house of the lord forever", Options, out _);
        Assert.NotNull(rest);
        Assert.Empty(rest.Send);
        Assert.Equal([1], state.Follow("amen", Options, out _)!.Send);
    }

    [Fact]
    public void LongLineBegunThenNextLine_BeginningSendsItAndTheNextLineFollows()
    {
        string[] script = ["Surely goodness and mercy shall follow me all the days of my life, and I will dwell in the house of the Lord forever.", "Let us pray together."];
        var state = Follow(script);

        Assert.Equal([0], state.Follow("surely goodness and mercy", Options, out _)!.Send);
        Assert.Equal([1], state.Follow("let us pray together", Options, out _)!.Send);
    }

    [Fact]
    public void LineEndsInsideTheNext_NextLineSentWhenMostOfItIsRead()
    {
        string[] script = ["He restores my soul.", "He leads me in paths of righteousness for his name's sake, even through the valley of the shadow of death."];
        var state = Follow(script);

        Assert.Equal([0], state.Follow("he restores my soul he leads me", Options, out _)!.Send);
        Assert.Equal([1], state.Follow("in paths of righteousness for his names sake even through the valley of the shadow of death", Options, out _)!.Send);
    }

    [Fact]
    public void RepeatedChorus_TheOccurrenceAtThePositionIsTaken()
    {
        string[] song = ["Amazing grace how sweet the sound.", "That saved a wretch like me.", "Amazing grace how sweet the sound.", "I once was lost but now am found."];
        var state = Follow(song);

        Assert.Equal([0], state.Follow("amazing grace how sweet the sound", Options, out _)!.Send);
        Assert.Equal([1], state.Follow("that saved a wretch like me", Options, out _)!.Send);
        Assert.Equal([2], state.Follow("amazing grace how sweet the sound", Options, out _)!.Send);
        Assert.Equal([3], state.Follow("i once was lost but now am found", Options, out _)!.Send);
        Assert.Null(state.Follow("amazing grace how sweet the sound", Options, out _));
        Assert.Equal((true, 4, 3), state.Status());
    }

    [Fact]
    public void CueSentByHand_FollowGoesOnFromTheLineAfterIt()
    {
        var state = Follow(Psalm);
        state.Sent(2);

        Assert.Equal((true, 3, 2), state.Status());
        Assert.Equal([3], state.Follow("he restores my soul", Options, out _)!.Send);
    }

    [Fact]
    public void ShortLine_FewerWordsAreEnoughButOneCommonWordIsNot()
    {
        string[] script = ["Amen.", "The grace of our Lord be with you all."];
        var state = Follow(script);

        Assert.Equal([0], state.Follow("amen", Options, out _)!.Send);
        Assert.Null(state.Follow("the", Options, out _));
        Assert.Null(state.Follow("all", Options, out _));
    }

    [Fact]
    public void Words_NumbersPunctuationAndCaseNormalised()
    {
        Assert.Equal(["please", "open", "to", "page", "one", "hundred", "twelve", "mister", "smiths", "book"], ScriptWords.Of("Please open to page 112: Mr. Smith's book!"));
        var state = Follow(["Turn to hymn 23, verses 1-3."]);
        Assert.Equal([0], state.Follow("turn to him twenty three verses one three", Options, out _)!.Send);
    }

    [Fact]
    public void EndOfScript_NothingMoreFollowed()
    {
        var state = Follow(["One line only."]);
        Assert.Equal([0], state.Follow("one line only", Options, out _)!.Send);
        Assert.Null(state.Follow("one line only", Options, out _));
    }

    private static ScriptFollowState Follow(string[] lines)
    {
        var state = new ScriptFollowState([.. lines.Select((l, i) => new ScriptCue(i, null, l))]);
        state.Set(true);
        return state;
    }
}
