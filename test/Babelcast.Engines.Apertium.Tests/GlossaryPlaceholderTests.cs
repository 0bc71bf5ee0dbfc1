using Babelcast.Core.Glossaries;
using Babelcast.Core.Storage;
using Babelcast.Core.Translation;

namespace Babelcast.Engines.Apertium.Tests;

/// <summary>
/// The glossary's placeholder tokens go through every installed Apertium route from English (direct pairs and pivots)
/// unchanged and in place, so that the pipeline can put each term's fixed rendering where the translation has it.
/// </summary>
public sealed class GlossaryPlaceholderTests(TranslatorFixture fixture) : IClassFixture<TranslatorFixture>
{
    private static readonly SessionGlossary Glossary = new(
    [
        new GlossaryEntry("Pastor Nguyen", "pastor win", new Dictionary<string, string>()),
        new GlossaryEntry("Ecclesiastes", null, new Dictionary<string, string> { ["es"] = "Eclesiastés" }),
        new GlossaryEntry("Babelcast", null, new Dictionary<string, string>()),
    ]);

    [Theory]
    [InlineData("Pastor Nguyen will read from Ecclesiastes today.")]
    [InlineData("Ecclesiastes says that Pastor Nguyen and Babelcast agree.")]
    [InlineData("We thank Babelcast")]
    public async Task EveryTargetOfEnglish_PassesEachPlaceholderThroughUnchanged(string sentence)
    {
        var protectedText = Glossary.Protect(sentence);
        Assert.NotEmpty(protectedText.Slots);
        var targets = fixture.Translator.GetTargets("en");
        Assert.NotEmpty(targets);

        foreach (var target in targets)
        {
            var result = await fixture.Translator.TranslateAsync(protectedText.Text, "en", target, CancellationToken.None);

            Assert.True(result.Success, $"{target}: {result.Error}");
            for (var i = 0; i < protectedText.Slots.Count; i++)
            {
                var token = GlossaryPlaceholders.Token(i);
                Assert.True(
                    result.Text.Split([' ', '.', ',', '\'', '¡', '!', '¿', '?'], StringSplitOptions.RemoveEmptyEntries).Count(w => w == token) == 1,
                    $"{target}: \"{token}\" not found once, intact, in \"{result.Text}\" (from \"{protectedText.Text}\")");
            }
        }
    }

    [Fact]
    public async Task Spanish_RenderingReplacesThePlaceholderInPlace()
    {
        var result = await GlossaryTranslation.TranslateAsync(
            fixture.Translator, Glossary, new TranslationRequest("Pastor Nguyen will read from Ecclesiastes today.", "en", "es"), CancellationToken.None);

        Assert.True(result.Success);
        Assert.Contains("Pastor Nguyen", result.Text, StringComparison.Ordinal);
        Assert.Contains("Eclesiastés", result.Text, StringComparison.Ordinal);
        Assert.True(result.Text.IndexOf("Pastor Nguyen", StringComparison.Ordinal) < result.Text.IndexOf("Eclesiastés", StringComparison.Ordinal), result.Text);
        Assert.DoesNotContain("Zxqv", result.Text, StringComparison.OrdinalIgnoreCase);
    }
}
