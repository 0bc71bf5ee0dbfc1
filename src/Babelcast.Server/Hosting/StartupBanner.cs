using Babelcast.Server.Venue;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Once Kestrel listens (its real addresses and ports are known only then), logs every address a speaker and the
/// phones in the room can use, or why no phone can connect and what to change.
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, ILanAddresses lan, IOptions<BabelcastOptions> options, ILogger<StartupBanner> logger)
    : IHostedService
{
    private CancellationTokenRegistration _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _started.DisposeAsync();

    private void Print()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (bound is null || bound.Count == 0)
        {
            return;
        }

        var addresses = StartupAddresses.From(bound, lan.Current(), options.Value.PublicBaseUrl);
        foreach (var url in addresses.Speaker)
        {
            HostingLog.SpeakerAddress(logger, url);
        }

        foreach (var url in addresses.RemoteSpeaker)
        {
            HostingLog.RemoteSpeakerAddress(logger, url);
        }

        foreach (var url in addresses.Listeners)
        {
            HostingLog.ListenerAddress(logger, url);
        }

        if (addresses.Public is { } publicUrl)
        {
            HostingLog.PublicAddress(logger, publicUrl);
        }

        if (addresses.LoopbackOnly)
        {
            var port = addresses.Port ?? 5080;
            HostingLog.LoopbackOnly(logger, string.Join(", ", bound), port);
        }
        else if (addresses.NoLanAddress)
        {
            HostingLog.NoLanAddress(logger);
        }
    }
}
