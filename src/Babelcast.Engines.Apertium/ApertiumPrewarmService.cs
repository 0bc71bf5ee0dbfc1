using Babelcast.Core.Translation;
using Microsoft.Extensions.Hosting;

namespace Babelcast.Engines.Apertium;

/// <summary>Starts the configured pipelines in the background at host start, so the first phrase
/// does not pay the 56-666 ms start of its pair.</summary>
internal sealed class ApertiumPrewarmService : BackgroundService
{
    private readonly ApertiumTranslator? _translator;

    public ApertiumPrewarmService(IEnumerable<ITranslator> translators)
    {
        _translator = translators.OfType<ApertiumTranslator>().FirstOrDefault();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _translator?.PrewarmAsync(stoppingToken) ?? Task.CompletedTask;
}
