using Babelcast.Bench;
using Microsoft.Extensions.Logging;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

return await BenchCommandLine.InvokeAsync(args, RunAsync, cts.Token);

static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
{
    using var loggerFactory = LoggerFactory.Create(b => b
        .AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; })
        .SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Information));
    var outcome = await BenchRunner.RunAsync(options, loggerFactory.CreateLogger("Babelcast.Bench"), cancellationToken);
    Console.WriteLine(await File.ReadAllTextAsync(outcome.MarkdownPath, cancellationToken));
    return 0;
}
