using System.CommandLine;
using Babelcast.Server.Models;

namespace Babelcast.Server.Cli;

/// <summary>
/// <c>models list</c>: one tab-separated line per model in the table (name, file, approximate size, the checksum
/// that will be checked, and "installed SIZE", "partial SIZE" or "-"), then any other .bin file in the directory.
/// </summary>
internal sealed class ModelsListCommand(CliContext context, Option<string?> catalog)
    : ModelsSubcommand("list", "List the known models and which are installed.", context, catalog)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ModelsSetup setup, CancellationToken cancellationToken)
    {
        await Context.Error.WriteLineAsync($"model directory: {setup.Files.Directory}");
        foreach (var model in setup.Catalog.Models)
        {
            var state = ModelFiles.LengthOf(setup.Files.PathOf(model)) is { } installed ? "installed " + ModelFiles.Mebibytes(installed)
                : ModelFiles.LengthOf(setup.Files.PartialPathOf(model)) is { } partial ? "partial " + ModelFiles.Mebibytes(partial)
                : "-";
            await Context.Out.WriteLineAsync($"{model.Name}\t{model.File}\t{model.Size ?? "-"}\t{model.ChecksumKind}\t{state}");
        }

        foreach (var file in setup.Files.InstalledFiles().Where(f => setup.Catalog.FindByFile(f) is null))
        {
            var length = ModelFiles.LengthOf(Path.Combine(setup.Files.Directory, file)) ?? 0;
            await Context.Out.WriteLineAsync($"-\t{file}\t-\tnone\tinstalled {ModelFiles.Mebibytes(length)} (not in the table)");
        }

        return BabelcastCli.Success;
    }
}
