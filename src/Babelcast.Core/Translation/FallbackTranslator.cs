using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Translation;

/// <summary>
/// A better engine with a fallback per phrase: the <paramref name="primary"/> engine first, the
/// <paramref name="fallback"/> (Apertium) when it fails, answers implausibly (<see cref="TranslationCheck"/>) or has not
/// answered within <paramref name="budget"/>. The budget is enforced here, whatever the engine does with its token, so a
/// phrase is never late by more than the budget plus the fallback's own (milliseconds) time. Languages the primary does
/// not serve go straight to the fallback. Every fallback is counted (<c>babelcast_translation_fallbacks</c>).
/// </summary>
public sealed class FallbackTranslator(
    ITranslator primary, ITranslator fallback, TimeSpan budget, TimeProvider time, BabelcastMetrics? metrics, ILogger logger) : IContextualTranslator
{
    public string Name => primary.Name;

    public ITranslator Primary => primary;

    public ITranslator Fallback => fallback;

    public TimeSpan Budget => budget;

    public IReadOnlyCollection<string> GetTargets(string sourceLanguage) =>
        primary.GetTargets(sourceLanguage).Union(fallback.GetTargets(sourceLanguage), StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Whether the primary engine serves the pair (the fallback only answers when it does not or fails).</summary>
    public bool PrimaryServes(string sourceLanguage, string targetLanguage) =>
        primary.GetTargets(sourceLanguage).Contains(targetLanguage, StringComparer.OrdinalIgnoreCase);

    public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        TranslateAsync(new TranslationRequest(text, sourceLanguage, targetLanguage), cancellationToken);

    public async ValueTask<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PrimaryServes(request.SourceLanguage, request.TargetLanguage))
        {
            return await fallback.TranslateAsync(request, cancellationToken);
        }

        var reason = await TryPrimaryAsync(request, cancellationToken);
        if (reason.Result is { } answer)
        {
            return answer;
        }

        metrics?.TranslationFellBack(primary.Name, reason.Reason!);
        Log.FellBack(logger, primary.Name, request.TargetLanguage, reason.Reason!, fallback.Name);
        return await fallback.TranslateAsync(request, cancellationToken);
    }

    private async Task<(TranslationResult? Result, string? Reason)> TryPrimaryAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // WaitAsync holds the budget even against an engine that ignores its token; the token still stops its work.
            var result = await primary.TranslateAsync(request, linked.Token).AsTask().WaitAsync(budget, time, cancellationToken);
            if (!result.Success)
            {
                return (null, FallbackReason.Error);
            }

            return TranslationCheck.Reject(request, result.Text) is { } rejected ? (null, rejected) : (TranslationResult.Ok(result.Text.Trim()), null);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, FallbackReason.Timeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Expected failures come back as values; this is an engine bug, but the phrase must still go out.
            Log.EngineThrew(logger, primary.Name, request.TargetLanguage, fallback.Name, ex);
            return (null, FallbackReason.Error);
        }
    }
}
