using Babelcast.Core.Scripture;
using Microsoft.Extensions.Hosting;

namespace Babelcast.Scripture.Sword;

/// <summary>Discovers the Bibles at start-up so that the log says at once which are installed (or that none are).</summary>
internal sealed class SwordStartupLogService(IEnumerable<IBibleLibrary> libraries) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var library in libraries.OfType<SwordBibleLibrary>())
        {
            await library.ListBiblesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
