using Babelcast.Core.Scripture;
using Babelcast.Scripture.Sword;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

public static class ScriptureServiceCollectionExtensions
{
    /// <summary>
    /// The Bible libraries ("sword", "none"), chosen by <c>Babelcast:Scripture:Library</c>, <see cref="ScriptureService"/>,
    /// and the operator's console (Scripture sent live, prepared text).
    /// </summary>
    public static IServiceCollection AddBabelcastScripture(this IServiceCollection services)
    {
        services.AddOptions<ScriptureOptions>().BindConfiguration(ScriptureOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScriptureOptions>, ScriptureOptionsValidator>());
        services.AddSwordBibleLibrary();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBibleLibrary, EmptyBibleLibrary>());
        services.TryAddSingleton<ScriptureService>();
        services.TryAddSingleton<Operator.ScripturePhraseBuilder>();
        services.TryAddSingleton<Operator.PreparedScripts>();
        services.TryAddSingleton<Operator.OperatorConsole>();
        services.AddOptions<Operator.FollowOptions>().BindConfiguration(Operator.FollowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<Core.Pipeline.IScriptFollower, Operator.ScriptFollower>();
        return services;
    }
}
