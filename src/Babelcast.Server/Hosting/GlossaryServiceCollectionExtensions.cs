using Babelcast.Core.Glossaries;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.Hosting;

public static class GlossaryServiceCollectionExtensions
{
    /// <summary>Glossary limits (<c>Babelcast:Glossary</c>, validated at start) and the cache the pipeline reads session glossaries through.</summary>
    public static IServiceCollection AddBabelcastGlossaries(this IServiceCollection services)
    {
        services.AddOptions<GlossaryOptions>().BindConfiguration(GlossaryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISessionGlossaries, SessionGlossaryCache>();
        return services;
    }

    /// <summary>Co-operator limits (<c>Babelcast:CoOperators</c>, validated at start).</summary>
    public static IServiceCollection AddBabelcastCoOperators(this IServiceCollection services)
    {
        services.AddOptions<Sessions.CoOperatorOptions>().BindConfiguration(Sessions.CoOperatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
