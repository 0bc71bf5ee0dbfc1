using Babelcast.Core.Recognition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task AddPocketSphinxRecognizer_Configured_ResolvesFactoryWithBoundOptions()
    {
        await using var provider = Build(new() { ["Babelcast:Recognition:PocketSphinx:MaxStreamingDecoders"] = "3" });

        var factory = Assert.Single(provider.GetServices<ISpeechRecognizerFactory>());
        Assert.Equal("pocketsphinx", factory.Name);
        Assert.Equal(3, ((PocketSphinxRecognizerFactory)factory).StreamingPool.Capacity);
    }

    [Fact]
    public async Task AddPocketSphinxRecognizer_CalledTwice_RegistersOneFactory()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddPocketSphinxRecognizer().AddPocketSphinxRecognizer();
        await using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<ISpeechRecognizerFactory>());
    }

    [Theory]
    [InlineData("MaxStreamingDecoders", "0")]
    [InlineData("FinalDecoders", "-1")]
    [InlineData("WarmDecoders", "-1")]
    [InlineData("WarmDecoders", "9")]
    [InlineData("ModelDirectory", " ")]
    [InlineData("StreamingArguments", "-ds")]
    [InlineData("FinalArguments", "fwdflat no")]
    [InlineData("FinalArguments", "-hmm /tmp/model")]
    [InlineData("IncrementalStartMs", "50")]
    public async Task AddPocketSphinxRecognizer_InvalidOption_FailsValidation(string key, string value)
    {
        await using var provider = Build(new() { ["Babelcast:Recognition:PocketSphinx:" + key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value);
        Assert.Contains(key, error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddPocketSphinxRecognizer();
        return services.BuildServiceProvider();
    }
}
