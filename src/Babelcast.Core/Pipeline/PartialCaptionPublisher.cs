using System.Threading.Channels;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Capacity;
using Babelcast.Core.Glossaries;
using Babelcast.Core.Protocol;
using Babelcast.Core.Translation;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// Translates partial hypotheses for listeners, at most one every <see cref="PipelineOptions.PartialCaptionIntervalMs"/>.
/// Only the newest partial matters, so the queue holds one item and a newer partial replaces an older one that was not
/// sent yet: partials never pile up behind a slow engine or a large audience.
/// </summary>
internal sealed class PartialCaptionPublisher(string sessionId, string sourceLanguage, PipelineContext context)
{
    private readonly Channel<(long Seq, string Text, long StartMs)> _latest =
        Channel.CreateBounded<(long, string, long)>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(long seq, string text, long startMs) => _latest.Writer.TryWrite((seq, text, startMs));

    public void Complete() => _latest.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var (seq, recognised, startMs) in _latest.Reader.ReadAllAsync(cancellationToken))
        {
            var glossary = await context.Processor.Glossaries.GetAsync(sessionId, cancellationToken);
            var text = glossary.Canonicalize(recognised, sourceLanguage);
            var audience = 0;
            foreach (var (language, listeners) in context.Presence.GetListenerCounts(sessionId))
            {
                audience += listeners;
                try
                {
                    var translated = text;
                    if (text.Length > 0 && !string.Equals(language, sourceLanguage, StringComparison.OrdinalIgnoreCase))
                    {
                        // The least urgent work of the node: it waits its turn behind final passes and streaming chunks,
                        // briefly, but holds no slot while the translator works (a cold pipe takes a second to start and
                        // must not block every session's streaming share meanwhile).
                        using (await context.Scheduler.EnterAsync(WorkPriority.Partial, cancellationToken))
                        {
                        }

                        var result = await GlossaryTranslation.TranslateAsync(
                            context.Engines.Translator, glossary, new TranslationRequest(text, sourceLanguage, language), cancellationToken);
                        if (!result.Success)
                        {
                            continue;
                        }

                        translated = TextFilter.Clean(result.Text);
                    }

                    var frame = ListenerMessages.Caption(seq, language, translated, false, text, startMs, startMs, false, null);
                    context.Broadcaster.SendToListeners(sessionId, language, new Delivery(DeliveryKind.PartialCaption, seq, [frame]));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PartialFailed(context.Logger, sessionId, ex);
                }
            }

            // Each partial goes to every listener: pacing them bounds the fan-out work; newer text replaces older meanwhile.
            // A loaded node paces them further apart (load shedding), before it touches anything else, and so does a
            // large audience.
            var interval = PartialPacing.IntervalMs(
                ShedPolicy.PartialIntervalMs(context.Shedding.Level, context.Options.PartialCaptionIntervalMs),
                audience,
                context.Options.PartialCaptionDeliveriesPerSecond);
            if (interval > 0 && text.Length > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(interval), context.Time, cancellationToken);
            }
        }
    }
}
