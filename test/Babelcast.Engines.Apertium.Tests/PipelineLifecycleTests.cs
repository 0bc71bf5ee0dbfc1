using System.Diagnostics;
using Babelcast.Engines.Apertium.Pipelines;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Engines.Apertium.Tests;

/// <summary>Crashes, hangs, idling and disposal, on en-eo (the lightest pair: 55 MiB, ~60 ms start).</summary>
public sealed class PipelineLifecycleTests
{
    private const string Mode = "en-eo";

    [Fact]
    public async Task TranslateAsync_AfterPipelineGroupKilled_RestartsAndSucceeds()
    {
        using var translator = TranslatorFixture.Create(new ApertiumOptions());
        Assert.True((await translator.TranslateAsync("Good morning.", "en", "eo", CancellationToken.None)).Success);
        var oldPid = translator.GetPipelineProcessId(Mode)!.Value;

        ProcessGroup.Kill(oldPid);
        await WaitUntilAsync(() => !ProcessProbe.IsAlive(oldPid));
        var result = await translator.TranslateAsync("Welcome to our church.", "en", "eo", CancellationToken.None);

        Assert.True(result.Success, result.Error);
        Assert.Contains("preĝejo", result.Text, StringComparison.Ordinal);
        Assert.NotEqual(oldPid, translator.GetPipelineProcessId(Mode));
    }

    [Fact]
    public async Task TranslateAsync_StageDiedUnderLiveBash_RetriesPhraseOnce()
    {
        using var translator = TranslatorFixture.Create(new ApertiumOptions());
        Assert.True((await translator.TranslateAsync("Good morning.", "en", "eo", CancellationToken.None)).Success);
        var pid = translator.GetPipelineProcessId(Mode)!.Value;
        var firstStage = ProcessProbe.GroupMembers(pid).Single(m => m.CommandLine.Contains("automorf", StringComparison.Ordinal));

        Process.GetProcessById(firstStage.Pid).Kill();
        await WaitUntilAsync(() => !ProcessProbe.IsAlive(firstStage.Pid));
        var result = await translator.TranslateAsync("Welcome to our church.", "en", "eo", CancellationToken.None);

        Assert.True(result.Success, result.Error);
        Assert.Contains("preĝejo", result.Text, StringComparison.Ordinal);
        Assert.NotEqual(pid, translator.GetPipelineProcessId(Mode));
        Assert.False(ProcessProbe.IsAlive(pid));
    }

    [Fact]
    public async Task TranslateAsync_HungPipeline_FailsWithinTimeoutAndKillsIt()
    {
        var options = new ApertiumOptions { PipelineCommand = "exec sleep 60", RequestTimeout = TimeSpan.FromMilliseconds(300), StartupTimeout = TimeSpan.FromMilliseconds(300) };
        using var translator = TranslatorFixture.Create(options);
        var clock = Stopwatch.StartNew();

        var result = await translator.TranslateAsync("Hello.", "en", "eo", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Contains("did not answer", result.Error, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(2.5));
        Assert.Empty(translator.ActivePipelines);
    }

    [Fact]
    public async Task TranslateAsync_WarmPipelineHangs_FailsWithinRequestTimeoutAlone()
    {
        // Answers the first request, then never again.
        var options = new ApertiumOptions
        {
            PipelineCommand = "read -r -d '' x; printf 'hola\\n\\0'; exec sleep 60",
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            StartupTimeout = TimeSpan.FromSeconds(10),
        };
        using var translator = TranslatorFixture.Create(options);
        Assert.Equal("Hola", (await translator.TranslateAsync("Hello.", "en", "eo", CancellationToken.None)).Text);
        var clock = Stopwatch.StartNew();

        var result = await translator.TranslateAsync("Goodbye.", "en", "eo", CancellationToken.None);

        Assert.False(result.Success);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task TranslateAsync_CallerCancels_Throws()
    {
        var options = new ApertiumOptions { PipelineCommand = "exec sleep 60" };
        using var translator = TranslatorFixture.Create(options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await translator.TranslateAsync("Hello.", "en", "eo", cancel.Token));
    }

    [Fact]
    public async Task Sweeper_IdlePipeline_IsStopped()
    {
        // The sweeper's timer runs on the fake clock: it fires inside Advance, so its effect is there when Advance returns.
        var clock = new FakeTimeProvider();
        using var translator = TranslatorFixture.Create(new ApertiumOptions { IdleTimeout = TimeSpan.FromMinutes(4) }, clock);
        Assert.True((await translator.TranslateAsync("Good morning.", "en", "eo", CancellationToken.None)).Success);
        var pid = translator.GetPipelineProcessId(Mode)!.Value;

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal([Mode], translator.ActivePipelines);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(translator.ActivePipelines);

        // The processes themselves leave in their own time (a signal, then the OS).

        await WaitUntilAsync(() => ProcessProbe.GroupMembers(pid).Count == 0);
    }

    [Fact]
    public async Task Dispose_RunningPipelines_KillsWholeProcessGroups()
    {
        var translator = TranslatorFixture.Create(new ApertiumOptions());
        Assert.True((await translator.TranslateAsync("Good morning.", "en", "eo", CancellationToken.None)).Success);
        var pid = translator.GetPipelineProcessId(Mode)!.Value;
        Assert.True(ProcessProbe.GroupMembers(pid).Count >= 10);

        await translator.DisposeAsync();

        await WaitUntilAsync(() => ProcessProbe.GroupMembers(pid).Count == 0);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
            await translator.TranslateAsync("Hello.", "en", "eo", CancellationToken.None));
    }

    [Fact]
    public async Task PrewarmAsync_ConfiguredTarget_StartsItsPipeline()
    {
        var options = new ApertiumOptions();
        options.Prewarm.Add("eo");
        using var translator = TranslatorFixture.Create(options);

        await translator.PrewarmAsync(CancellationToken.None);

        Assert.Equal([Mode], translator.ActivePipelines);
        Assert.Equal(0, translator.GetEngineCallCount("eo"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "condition not met within 5 s");
            await Task.Delay(20);
        }
    }
}
