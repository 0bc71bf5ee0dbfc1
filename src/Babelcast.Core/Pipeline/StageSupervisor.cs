using Babelcast.Core.Protocol;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// The stages of one session pipeline share this one cancellation. A stage catches the failure of one phrase's work
/// and hands it to <see cref="Report"/> (log, <c>babelcast_errors_total{code}</c>, an <c>error</c> to the speaker),
/// drops that phrase and goes on with the next, so a bad phrase never silences the session. A stage whose loop itself
/// ends with an exception (a bug) cancels the others: each waits on a bounded queue that nobody would drain any more.
/// </summary>
internal sealed class StageSupervisor(string sessionId, PipelineContext context) : IDisposable
{
    public const string Recognition = "recognition";
    public const string FinalRecognition = "final recognition";
    public const string Processing = "translation and synthesis";
    public const string Partials = "partial captions";

    private readonly CancellationTokenSource _stages = new();

    public CancellationToken Token => _stages.Token;

    /// <summary>Ends every stage when <paramref name="outer"/> is cancelled; dispose the result when the run ends.</summary>
    public CancellationTokenRegistration Link(CancellationToken outer) =>
        outer.Register(static s => ((CancellationTokenSource)s!).Cancel(), _stages);

    /// <summary>True for an exception that is a failure rather than the stages being stopped.</summary>
    public bool IsFailure(Exception exception) => !(exception is OperationCanceledException && Token.IsCancellationRequested);

    /// <summary>Starts a stage's loop on its own task; if the loop throws, the other stages are cancelled.</summary>
    public Task Start(string stage, Func<CancellationToken, Task> loop) => Task.Run(async () =>
    {
        try
        {
            await loop(Token);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            Log.StageStopped(context.Logger, sessionId, stage, ex);
            await _stages.CancelAsync();
            throw;
        }
    }, CancellationToken.None);

    /// <summary>One phrase's work in <paramref name="stage"/> failed: it is dropped, and everyone who should know is told.</summary>
    public void Report(string stage, long seq, Exception exception)
    {
        context.Metrics.Error(ErrorCodes.PipelineStageFailed);
        Log.StageFailed(context.Logger, sessionId, stage, seq, exception);
        context.Broadcaster.SendToSpeaker(sessionId, ConnectionMessages.Error(
            ErrorCodes.PipelineStageFailed, $"Phrase {seq} was dropped because {stage} failed; the next phrase is processed as usual."));
    }

    public void Dispose() => _stages.Dispose();
}
