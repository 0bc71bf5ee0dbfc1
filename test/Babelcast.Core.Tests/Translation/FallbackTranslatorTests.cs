using Babelcast.Core.Tests.Fakes;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Core.Tests.Translation;

/// <summary>The chain's rules with a fake clock: the budget holds whatever the primary engine does with its token.</summary>
public sealed class FallbackTranslatorTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);
    private readonly FakeTimeProvider _time = new();
    private readonly FakeTranslator _fallback = new("apertium", new() { ["en"] = ["es", "fr"] });

    [Fact]
    public async Task PrimaryThatNeverAnswers_FallsBackAtTheBudget()
    {
        var primary = new HangingTranslator();
        var chain = new FallbackTranslator(primary, _fallback, Budget, _time, null, NullLogger.Instance);

        var pending = chain.TranslateAsync("Hello", "en", "es", CancellationToken.None).AsTask();
        _time.Advance(Budget - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TranslationResult.Ok("[es] Hello"), await pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(primary.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task PrimaryFailure_FallsBack_AndCallerCancellationIsNotSwallowed()
    {
        var chain = new FallbackTranslator(new FailingTranslator(), _fallback, Budget, _time, null, NullLogger.Instance);

        Assert.Equal(TranslationResult.Ok("[fr] Hello"), await chain.TranslateAsync("Hello", "en", "fr", CancellationToken.None));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var hanging = new FallbackTranslator(new HangingTranslator(), _fallback, Budget, _time, null, NullLogger.Instance);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await hanging.TranslateAsync("Hello", "en", "es", cancelled.Token));
    }

    [Fact]
    public void GetTargets_IsBothEnginesTargets()
    {
        var chain = new FallbackTranslator(new FakeTranslator("llm", new() { ["en"] = ["es", "de"] }), _fallback, Budget, _time, null, NullLogger.Instance);

        Assert.Equal(["de", "es", "fr"], chain.GetTargets("en").Order(StringComparer.Ordinal));
        Assert.True(chain.PrimaryServes("en", "de"));
        Assert.False(chain.PrimaryServes("en", "fr"));
    }

    private sealed class HangingTranslator : ITranslator
    {
        public CancellationToken Token { get; private set; }

        public string Name => "hanging";

        public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["es", "fr"];

        public async ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            // Ignores its token on purpose: the chain must not depend on the engine honouring it.
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return TranslationResult.Ok("never");
        }
    }

    private sealed class FailingTranslator : ITranslator
    {
        public string Name => "failing";

        public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["es", "fr"];

        public ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
            ValueTask.FromResult(TranslationResult.Failed("HTTP 500"));
    }
}
