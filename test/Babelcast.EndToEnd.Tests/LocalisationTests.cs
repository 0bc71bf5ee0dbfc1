using Microsoft.Playwright;

namespace Babelcast.EndToEnd.Tests;

/// <summary>
/// The listener page in the listener's language: a phone in Spanish, French or Portuguese sees every word of the page
/// in that language, captions marked with their language, the same accessibility and the same phone fit as in English.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LocalisationTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("es-ES", "es")]
    [InlineData("fr-FR", "fr")]
    [InlineData("pt-PT", "pt")]
    public async Task ListenerPage_PhoneLocale_RendersInThatLanguageWithNoEnglishLeft(string locale, string language)
    {
        var own = UiMessages.Read(language);
        var token = await fixture.Server.GetTokenAsync();
        var sessionId = await fixture.Server.CreateSessionAsync(token);
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, language, phone: true, uiLanguage: null, locale: locale);
        var page = listener.Page;
        await listener.WaitAsync($"window.babelcast.uiLanguage === '{language}' && window.babelcast.state === 'ready'", Quick, "the page in " + language);

        Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal(language, await page.InputValueAsync("#setup-language"));
        Assert.Equal(own["setup.start"], (await page.InnerTextAsync("#start")).Trim());
        await AssertLocalisedAsync(page, language, "setup");
        Artifacts.PublishToDocs(await Artifacts.ScreenshotAsync(page, "listener-" + language), "listener-" + language);

        await listener.StartAsync(language);
        Assert.Equal(language, await page.GetAttributeAsync("#captions", "lang"));
        Assert.Equal("ltr", await page.GetAttributeAsync("#captions", "dir"));
        Assert.Equal(language, await page.GetAttributeAsync("#announcer", "lang"));
        Assert.Equal(own["captions.waiting"], (await page.InnerTextAsync("#captions .empty")).Trim());
        await AssertLocalisedAsync(page, language, "live");

        // The longer labels of the pressed buttons ("Resume audio", "Unmute") must still fit the phone.
        await page.ClickAsync("#pause");
        await page.ClickAsync("#mute");
        Assert.Equal(own["audio.resume"], (await page.InnerTextAsync("#pause")).Trim());
        Assert.Equal(own["audio.unmute"], (await page.InnerTextAsync("#mute")).Trim());
        await AssertLocalisedAsync(page, language, "live, paused and muted");
        await Artifacts.ScreenshotAsync(page, $"listener-{language}-live");

        // Refusals by code read in the page's language; an unknown code falls back to the server's English words.
        Assert.Equal(own["error.sessionFull"], await page.EvaluateAsync<string>(
            "async () => (await import('/js/listener-errors.js')).errorMessage({ code: 'SESSION_FULL', message: 'The session is full.' })"));
        Assert.Equal("Server words.", await page.EvaluateAsync<string>(
            "async () => (await import('/js/listener-errors.js')).errorMessage({ code: 'SOMETHING_NEW', message: 'Server words.' })"));

        await page.GotoAsync("/join/missing-session-999");
        await listener.WaitAsync("window.babelcast.state === 'notFound'", Quick, "the not-found state");
        Assert.Equal(own["card.notFound"], (await page.InnerTextAsync("#state-title")).Trim());
        await AssertLocalisedAsync(page, language, "not found");
        Assert.Empty(listener.PageErrors);
    }

    [Fact]
    public async Task ListenerPage_PageLanguage_FollowsCaptionLanguageCanBeSetApartAndIsRemembered()
    {
        var token = await fixture.Server.GetTokenAsync();
        var sessionId = await fixture.Server.CreateSessionAsync(token);
        await using var listener = await ListenerDriver.OpenAsync(fixture, sessionId, "pt", phone: true, uiLanguage: null, locale: "en-GB");
        var page = listener.Page;
        await listener.WaitAsync("window.babelcast.uiLanguage === 'en' && window.babelcast.state === 'ready'", Quick, "the browser's language first");

        // Choosing Portuguese captions turns the page Portuguese.
        await page.SelectOptionAsync("#setup-language", "pt");
        await listener.WaitAsync("document.documentElement.lang === 'pt'", Quick, "the page to follow the caption language");
        await listener.StartAsync("pt");
        Assert.Equal(UiMessages.Read("pt")["audio.pause"], (await page.InnerTextAsync("#pause")).Trim());

        // A page language apart from the captions: French words, Portuguese captions; remembered after a reload.
        await page.SelectOptionAsync("#live-ui-language", "fr");
        await listener.WaitAsync("document.documentElement.lang === 'fr'", Quick, "the chosen page language");
        Assert.Equal("pt", await page.GetAttributeAsync("#captions", "lang"));
        await page.ReloadAsync();
        await listener.WaitAsync("window.babelcast.state === 'ready' && document.documentElement.lang === 'fr'", Quick, "the page language after a reload");
        Assert.Equal("pt", await page.InputValueAsync("#setup-language"));
        Assert.Equal(UiMessages.Read("fr")["setup.start"], (await page.InnerTextAsync("#start")).Trim());

        // Back to "same as captions": the remembered caption language decides again.
        await page.SelectOptionAsync("#setup-ui-language", "");
        await listener.WaitAsync("document.documentElement.lang === 'pt'", Quick, "the page to follow the captions again");
        await page.ReloadAsync();
        await listener.WaitAsync("window.babelcast.state === 'ready' && document.documentElement.lang === 'pt'", Quick, "the caption language after a reload");
        Assert.Empty(listener.PageErrors);
    }

    private static async Task AssertLocalisedAsync(IPage page, string language, string state)
    {
        var text = await page.EvaluateAsync<string>("document.body.innerText");
        var english = UiMessages.EnglishLeftovers(language).Where(e => UiMessages.ContainsWords(text, e)).ToList();
        Assert.True(english.Count == 0, $"{language} {state}: English on screen: {string.Join(" | ", english)}");

        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{language} {state}: horizontal scroll ({widths[0]} > {widths[1]})");
        var violations = await AxeAudit.SeriousAsync(page);
        Assert.True(violations.Count == 0, $"{language} {state}: axe found {string.Join(" | ", violations)}");
    }
}
