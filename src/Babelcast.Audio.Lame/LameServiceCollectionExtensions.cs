using Babelcast.Core.Audio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Audio.Lame;

public static class LameServiceCollectionExtensions
{
    /// <summary>Registers the in-process LAME MP3 encoder under the name "lame".</summary>
    public static IServiceCollection AddLameEncoder(this IServiceCollection services)
    {
        services.AddOptions<LameOptions>().BindConfiguration(LameOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LameOptions>, LameOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAudioEncoder, LameMp3Encoder>());
        return services;
    }
}
