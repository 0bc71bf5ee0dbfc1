namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class FactoryTests
{
    [Fact]
    public void SupportedLanguages_InstalledModel_IsEnglish()
    {
        using var factory = Engine.CreateFactory();

        Assert.Equal("pocketsphinx", factory.Name);
        var language = Assert.Single(factory.SupportedLanguages);
        Assert.Equal(("en", "English"), (language.Code, language.Name));
        Assert.Equal(0, factory.StreamingPool.Created + factory.FinalPool.Created);
    }

    [Fact]
    public async Task RentAsync_MissingModel_ThrowsClearExceptionAndListsNoLanguage()
    {
        using var factory = Engine.CreateFactory(o => o.ModelDirectory = "/nonexistent/pocketsphinx-model");

        Assert.Empty(factory.SupportedLanguages);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.RentAsync("en", CancellationToken.None).AsTask());
        Assert.Contains("/nonexistent/pocketsphinx-model", error.Message);
    }

    [Fact]
    public async Task RentAsync_OtherLanguage_ThrowsNotSupported()
    {
        using var factory = Engine.CreateFactory();

        await Assert.ThrowsAsync<NotSupportedException>(() => factory.RentAsync("es", CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task RentAsync_ArgumentsTheDecoderRejects_ThrowsAndFreesTheSlot()
    {
        using var factory = Engine.CreateFactory(o => (o.StreamingArguments, o.MaxStreamingDecoders) = ("-nosuchflag 1", 1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.RentAsync("en", CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.RentAsync("en", CancellationToken.None).AsTask());
    }
}
