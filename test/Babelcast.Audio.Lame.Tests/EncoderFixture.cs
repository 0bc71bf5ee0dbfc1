using Babelcast.Core.Audio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Audio.Lame.Tests;

/// <summary>Builds the encoder the way the server does: configuration, options validation, DI.</summary>
internal static class EncoderFixture
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLameEncoder()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IAudioEncoder Lame(this ServiceProvider provider) =>
        provider.GetServices<IAudioEncoder>().Single(e => e.Name == "lame");
}
