using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Babelcast.Server.Tests.Venue;

/// <summary>An IServer that only reports the addresses it "listens" on; nothing is bound.</summary>
internal sealed class BoundServer : IServer, IServerAddressesFeature
{
    public BoundServer(params string[] addresses)
    {
        foreach (var address in addresses)
        {
            Addresses.Add(address);
        }

        Features.Set<IServerAddressesFeature>(this);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public ICollection<string> Addresses { get; } = [];

    public bool PreferHostingUrls { get; set; }

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
