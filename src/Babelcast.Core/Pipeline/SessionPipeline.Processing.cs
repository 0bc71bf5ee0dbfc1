using System.Threading.Channels;
using Babelcast.Core.Cluster;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// The processing half: recognised phrases are started in order, each language in its lane (<see cref="LanguageLanes"/>),
/// and finished in order, a checkpoint after each. A phrase may start while earlier ones are still at work in a slow
/// language, up to <see cref="PhrasesAhead"/> of them, so that one language's delay is not every language's.
/// </summary>
internal sealed partial class SessionPipeline
{
    /// <summary>How many previous source phrases go with a phrase as translation context (engines use fewer or none).</summary>
    internal const int ContextPhrases = 3;

    /// <summary>
    /// Phrases that may be started while the oldest unfinished one waits for a language: enough for a language that runs
    /// into a premium translator's budget a few phrases in a row, few enough that back-pressure still reaches recognition.
    /// </summary>
    internal const int PhrasesAhead = 4;

    private async Task ProcessPhrasesAsync(CancellationToken cancellationToken)
    {
        var started = Channel.CreateBounded<StartedPhrase>(new BoundedChannelOptions(PhrasesAhead) { SingleReader = true, SingleWriter = true });
        using var finisherFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finishing = FinishInOrderAsync(started.Reader, finisherFailed, cancellationToken);
        try
        {
            await StartInOrderAsync(started.Writer, finisherFailed.Token);
        }
        catch (OperationCanceledException) when (finisherFailed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The finisher failed (a checkpoint could not be written): its exception, awaited below, is the stage's.
        }
        finally
        {
            started.Writer.TryComplete();
        }

        await finishing;
    }

    private async Task StartInOrderAsync(ChannelWriter<StartedPhrase> started, CancellationToken cancellationToken)
    {
        var lanes = new LanguageLanes();
        var recent = new Queue<string>(ContextPhrases + 1);
        await foreach (var (queued, position) in _phrases.Reader.ReadAllAsync(cancellationToken))
        {
            // The previous phrases travel with each phrase for translators that read context (a language model).
            var phrase = queued with { Context = recent.ToArray() };
            recent.Enqueue(queued.Text);
            if (recent.Count > ContextPhrases)
            {
                recent.Dequeue();
            }

            Task work;
            try
            {
                work = await context.Processor.StartAsync(phrase, lanes, cancellationToken);
            }
            catch (Exception ex) when (_stages.IsFailure(ex))
            {
                // Languages fail one by one inside the processor; this is the rest (storage, a bug): drop the phrase.
                _stages.Report(StageSupervisor.Processing, phrase.Seq, ex);
                work = Task.CompletedTask;
            }

            await started.WriteAsync(new StartedPhrase(phrase.Seq, work, position), cancellationToken);
        }
    }

    private async Task FinishInOrderAsync(ChannelReader<StartedPhrase> started, CancellationTokenSource failed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (seq, work, position) in started.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await work;
                }
                catch (Exception ex) when (_stages.IsFailure(ex))
                {
                    _stages.Report(StageSupervisor.Processing, seq, ex);
                }

                // Delivered (or given up): a new owner starts after it. Phrases without text commit nothing; the next one covers them.
                if (checkpoint is not null && position is { } resumeAt)
                {
                    await checkpoint(resumeAt, cancellationToken);
                }
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private readonly record struct StartedPhrase(long Seq, Task Work, IngestCheckpoint? Position);
}
