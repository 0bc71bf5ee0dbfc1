using Babelcast.Core.Limits;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Speaker authentication: our own HS256 tokens, optionally an external OpenID Connect issuer, the admin
    /// bootstrap, <see cref="ISpeakerAuthenticator"/> for the WebSocket endpoints, and authorization.
    /// </summary>
    public static IServiceCollection AddBabelcastAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton<SigningKeyProvider>();
        services.TryAddSingleton<TokenIssuer>();
        services.TryAddSingleton<LocalUserCheck>();
        services.AddOptions<LockoutOptions>().BindConfiguration(LockoutOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LockoutOptions>, LockoutOptionsValidator>());
        services.TryAddSingleton<IFailureLockout>(sp => new InProcessFailureLockout(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LoginLockout>();
        services.TryAddSingleton<ISpeakerAuthenticator, SpeakerAuthenticator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, LocalJwtBearerSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, OidcJwtBearerSetup>());
        services.AddHostedService<AdminBootstrapService>();

        // Read now because the set of schemes is fixed at registration; the values themselves bind through options.
        var localIssuer = configuration[AuthOptions.Section + ":Issuer"] is { Length: > 0 } issuer ? issuer : new AuthOptions().Issuer;
        var oidc = configuration.GetSection(AuthOptions.Section + ":Oidc").Get<OidcOptions>() ?? new OidcOptions();
        var oidcConfigured = oidc.IsConfigured;

        var authentication = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Babelcast bearer", policy =>
            {
                policy.ForwardDefaultSelector = context =>
                    BearerTokens.SchemeFor(BearerTokens.Read(context.Request, BearerTokens.IsWebSocketPath(context.Request)), localIssuer, oidcConfigured);
            })
            .AddJwtBearer(AuthSchemes.Local, _ => { });
        if (oidcConfigured)
        {
            authentication.AddJwtBearer(AuthSchemes.Oidc, _ => { });
        }

        services.AddAuthorization();
        return services;
    }
}
