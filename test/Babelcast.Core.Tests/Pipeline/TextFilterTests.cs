using Babelcast.Core.Pipeline;

namespace Babelcast.Core.Tests.Pipeline;

public sealed class TextFilterTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("[No transcription]")]
    [InlineData("[BLANK_AUDIO]")]
    [InlineData("<sil>")]
    [InlineData("<s> </s>")]
    [InlineData("(2)")]
    [InlineData("[noise] <sil> (3)")]
    [InlineData("...")]
    [InlineData("?!")]
    [InlineData(" - ")]
    [InlineData("¿?")]
    public void Clean_PlaceholderOrNoWords_ReturnsEmpty(string? text)
    {
        Assert.Equal(string.Empty, TextFilter.Clean(text));
    }

    [Theory]
    [InlineData("hello world", "hello world")]
    [InlineData("  hello \t  world  ", "hello world")]
    [InlineData("<s> hello <sil> world </s>", "hello world")]
    [InlineData("[noise] so my fellow americans [breath]", "so my fellow americans")]
    [InlineData("read(2) the book", "read the book")]
    [InlineData("Hola, ¿qué tal?", "Hola, ¿qué tal?")]
    [InlineData("ten meters.", "ten meters.")]
    [InlineData("7", "7")]
    public void Clean_TextWithWords_KeepsWordsAndPunctuationDropsMarkup(string text, string expected)
    {
        Assert.Equal(expected, TextFilter.Clean(text));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("hello", 1)]
    [InlineData("go forward ten meters", 4)]
    [InlineData("go  forward ", 2)]
    public void WordCount_CleanedText_CountsWords(string text, int expected)
    {
        Assert.Equal(expected, TextFilter.WordCount(text));
    }
}
