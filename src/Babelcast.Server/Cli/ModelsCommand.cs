using System.CommandLine;

namespace Babelcast.Server.Cli;

/// <summary>
/// <c>babelcast models list</c>, <c>models download NAME [--base-url URL] [--sha256 HEX]</c> and
/// <c>models verify [NAME]</c>: the Whisper ggml model files in the model directory
/// (<c>Babelcast:Recognition:Whisper:ModelDirectory</c>, else DATA/models). The server never downloads a model itself.
/// </summary>
public sealed class ModelsCommand : Command
{
    internal ModelsCommand(CliContext context)
        : base("models", "List, download and verify Whisper ggml model files (into --Babelcast:DataDirectory DIR/models unless Babelcast:Recognition:Whisper:ModelDirectory is set).")
    {
        var catalog = new Option<string?>("--catalog")
        {
            Description = "A JSON model table to use instead of the built-in one (also Babelcast:Models:Catalog).",
            HelpName = "FILE",
            Recursive = true,
        };
        Options.Add(catalog);
        Subcommands.Add(new ModelsListCommand(context, catalog));
        Subcommands.Add(new ModelsDownloadCommand(context, catalog));
        Subcommands.Add(new ModelsVerifyCommand(context, catalog));
    }

    /// <summary>Runs <c>babelcast models ARGS</c>.</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        BabelcastCli.RunAsync(["models", .. args], stdin, stdout, stderr, ct);
}
