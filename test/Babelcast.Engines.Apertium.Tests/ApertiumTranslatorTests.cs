namespace Babelcast.Engines.Apertium.Tests;

public sealed class ApertiumTranslatorTests : IClassFixture<TranslatorFixture>
{
    private const string Church = "Good morning and welcome to our church.";
    private readonly ApertiumTranslator _translator;

    public ApertiumTranslatorTests(TranslatorFixture fixture) => _translator = fixture.Translator;

    [Theory]
    [InlineData("es", "Buenos días y bienvenido a nuestra iglesia.", "eng-spa")]
    [InlineData("ca", "Bon dia i benvingut a la nostra església.", "eng-cat")]
    [InlineData("fr", "église", "eng-cat,cat-fra")]
    [InlineData("pt", "Bom dia e bem-vindo à nossa igreja.", "eng-cat,cat-por")]
    [InlineData("it", "chiesa", "eng-cat,cat-ita")]
    [InlineData("gl", "igrexa", "en-gl")]
    [InlineData("eo", "preĝejo", "en-eo")]
    public async Task TranslateAsync_FromEnglish_GivesSensibleTextOverExpectedRoute(string target, string expected, string route)
    {
        var result = await _translator.TranslateAsync(Church, "en", target, CancellationToken.None);

        Assert.True(result.Success, result.Error);
        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        Assert.Equal(route.Split(','), _translator.GetRoute("en", target));
    }

    [Fact]
    public async Task TranslateAsync_ReservedCharacters_SurviveTheRoundTrip()
    {
        var result = await _translator.TranslateAsync("The ticket costs $5 at [the door].", "en", "es", CancellationToken.None);

        Assert.True(result.Success, result.Error);
        Assert.Contains("$5", result.Text, StringComparison.Ordinal);
        Assert.Contains("[", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTargets_English_IncludesDirectAndPivotLanguages()
    {
        var targets = _translator.GetTargets("EN");

        foreach (var expected in new[] { "es", "ca", "fr", "pt", "it", "gl", "eo" })
        {
            Assert.Contains(expected, targets);
        }

        Assert.DoesNotContain("en", targets);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public async Task TranslateAsync_BlankText_ReturnsEmptyWithoutEngine(string text)
    {
        var before = _translator.GetEngineCallCount("es");

        var result = await _translator.TranslateAsync(text, "en", "es", CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(string.Empty, result.Text);
        Assert.Equal(before, _translator.GetEngineCallCount("es"));
    }

    [Fact]
    public async Task TranslateAsync_SamePhraseTwice_SecondComesFromCache()
    {
        const string phrase = "The choir will sing at the evening service.";
        var before = _translator.GetEngineCallCount("gl");

        var first = await _translator.TranslateAsync(phrase, "en", "gl", CancellationToken.None);
        var second = await _translator.TranslateAsync(phrase, "en", "gl", CancellationToken.None);

        Assert.True(first.Success, first.Error);
        Assert.Equal(first, second);
        Assert.Equal(before + 1, _translator.GetEngineCallCount("gl"));
    }

    [Fact]
    public async Task TranslateAsync_NoRoute_ReturnsFailure()
    {
        var result = await _translator.TranslateAsync("Hello.", "en", "xx", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Contains("no route", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranslateAsync_ConcurrentRequestsToOnePair_EachGetsItsOwnReply()
    {
        var numbers = Enumerable.Range(0, 12).Select(i => 101 + (i * 37)).ToList();

        var results = await Task.WhenAll(numbers.Select(n =>
            Task.Run(async () => await _translator.TranslateAsync($"We counted {n} people in the church.", "en", "es", CancellationToken.None))));

        for (var i = 0; i < numbers.Count; i++)
        {
            Assert.True(results[i].Success, results[i].Error);
            Assert.Contains(numbers[i].ToString(), results[i].Text, StringComparison.Ordinal);
            Assert.Contains("iglesia", results[i].Text, StringComparison.Ordinal);
        }
    }
}
