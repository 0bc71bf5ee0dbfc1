namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class HypothesisTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("<s> go forward </s>", "go forward")]
    [InlineData("<sil> [NOISE] hello ++BREATH++ world", "hello world")]
    [InlineData("read(2) the book(12)", "read the book")]
    [InlineData("  ten   meters ", "ten meters")]
    [InlineData("f(x) (2)", "f(x)")]
    public void Clean_Hypothesis_DropsFillersAndVariants(string? hypothesis, string expected) =>
        Assert.Equal(expected, HypothesisText.Clean(hypothesis));
}
