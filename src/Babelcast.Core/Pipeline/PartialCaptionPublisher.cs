using System.Threading.Channels;
using Babelcast.Core.Broadcasting;
using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// Translates partial hypotheses for listeners. Only the newest partial matters, so the queue holds one item and a
/// newer partial replaces an older one that was not translated yet: partials never pile up behind a slow engine.
/// </summary>
internal sealed class PartialCaptionPublisher(string sessionId, string sourceLanguage, EngineSet engines, IBroadcaster broadcaster, ILogger logger)
{
    private readonly Channel<(long Seq, string Text, long StartMs)> _latest =
        Channel.CreateBounded<(long, string, long)>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(long seq, string text, long startMs) => _latest.Writer.TryWrite((seq, text, startMs));

    public void Complete() => _latest.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var (seq, text, startMs) in _latest.Reader.ReadAllAsync(cancellationToken))
        {
            foreach (var language in broadcaster.GetListenerLanguages(sessionId))
            {
                try
                {
                    var translated = text;
                    if (text.Length > 0 && !string.Equals(language, sourceLanguage, StringComparison.OrdinalIgnoreCase))
                    {
                        var result = await engines.Translator.TranslateAsync(text, sourceLanguage, language, cancellationToken);
                        if (!result.Success)
                        {
                            continue;
                        }

                        translated = TextFilter.Clean(result.Text);
                    }

                    var frame = PipelineMessages.Caption(seq, language, translated, false, text, startMs, startMs, false, null);
                    broadcaster.SendToListeners(sessionId, language, new Delivery(DeliveryKind.PartialCaption, seq, [frame]));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PartialFailed(logger, sessionId, ex);
                }
            }
        }
    }
}
