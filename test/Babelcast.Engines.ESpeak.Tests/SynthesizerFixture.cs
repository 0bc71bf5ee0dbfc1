using Babelcast.Core.Synthesis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Engines.ESpeak.Tests;

/// <summary>Builds the synthesiser the way the server does: configuration, options validation, DI.</summary>
internal static class SynthesizerFixture
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddESpeakSynthesizer()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ISpeechSynthesizer Espeak(this ServiceProvider provider) => provider.Synthesizer("espeak");

    public static ISpeechSynthesizer Synthesizer(this ServiceProvider provider, string name) =>
        provider.GetServices<ISpeechSynthesizer>().Single(s => s.Name == name);
}
