using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Sessions;

public static class SessionServiceCollectionExtensions
{
    /// <summary>Session options, id generation, state changes and the expiry sweeper.</summary>
    public static IServiceCollection AddBabelcastSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.TryAddSingleton<SessionIdGenerator>();
        services.TryAddSingleton<SessionTierCache>();
        services.TryAddSingleton<Core.Sessions.ISessionTiers>(sp => sp.GetRequiredService<SessionTierCache>());
        services.TryAddScoped<SessionManager>();
        services.TryAddScoped<Endpoints.SessionViews>();
        services.AddHostedService<SessionExpirySweeper>();
        return services;
    }
}
