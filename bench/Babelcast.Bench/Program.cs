using Babelcast.Bench;
using Microsoft.Extensions.Logging;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(b => b
    .AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; })
    .SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Information));
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

var outcome = await BenchRunner.RunAsync(options, loggerFactory.CreateLogger("Babelcast.Bench"), cts.Token);
Console.WriteLine(await File.ReadAllTextAsync(outcome.MarkdownPath, cts.Token));
return 0;
