using Babelcast.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// Wraps the server's real stores (registered after the test's own services, and internal to their assembly) in the
/// faulty decorators: it sees the finished service collection just before the provider is built.
/// </summary>
internal sealed class FaultInjectingServiceProviderFactory(StorageFault fault) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        Decorate<ITranscriptStore>(services, inner => new FaultyTranscriptStore(inner, fault));
        Decorate<ISessionStore>(services, inner => new FaultySessionStore(inner, fault));
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => new DefaultServiceProviderFactory().CreateServiceProvider(containerBuilder);

    private static void Decorate<T>(IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => decorate((T)Create(sp, original)), original.Lifetime));
    }

    private static object Create(IServiceProvider services, ServiceDescriptor original) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!);
}
