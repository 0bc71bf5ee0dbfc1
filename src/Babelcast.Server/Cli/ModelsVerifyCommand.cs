using System.CommandLine;
using Babelcast.Server.Models;

namespace Babelcast.Server.Cli;

/// <summary>
/// <c>models verify [NAME]</c>: hashes the installed model files (all of them, or NAME) and prints one line each,
/// name, "ok" / "mismatch" / "unknown-checksum", the checksum kind and the computed value. Exit 1 when any file
/// does not match its table entry (or NAME is not installed), else 0: an unknown checksum is reported, not failed.
/// </summary>
internal sealed class ModelsVerifyCommand : ModelsSubcommand
{
    private readonly Argument<string?> _name = new("NAME") { Description = "Verify only this model.", Arity = ArgumentArity.ZeroOrOne };

    public ModelsVerifyCommand(CliContext context, Option<string?> catalog)
        : base("verify", "Recompute the checksums of the installed models and compare them with the table.", context, catalog) =>
        Arguments.Add(_name);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ModelsSetup setup, CancellationToken cancellationToken)
    {
        List<(string Name, string File, ModelCatalogEntry? Model)> targets;
        if (parseResult.GetValue(_name) is { } name)
        {
            var model = setup.Catalog.Find(name);
            if (model is null)
            {
                return await FailAsync($"unknown model '{name}'. Known models: {string.Join(", ", setup.Catalog.Models.Select(m => m.Name))}.");
            }

            if (!File.Exists(setup.Files.PathOf(model)))
            {
                return await FailAsync($"{name} is not installed in {setup.Files.Directory}.");
            }

            targets = [(model.Name, model.File, model)];
        }
        else
        {
            targets = [.. setup.Files.InstalledFiles().Select(f => setup.Catalog.FindByFile(f) is { } m ? (m.Name, f, (ModelCatalogEntry?)m) : (f, f, null))];
        }

        if (targets.Count == 0)
        {
            await Context.Error.WriteLineAsync($"no models installed in {setup.Files.Directory}.");
            return BabelcastCli.Success;
        }

        var mismatches = 0;
        foreach (var (label, file, model) in targets)
        {
            var check = await ModelChecksums.CheckAsync(Path.Combine(setup.Files.Directory, file), model, null, cancellationToken);
            var status = check.Status switch
            {
                ModelCheckStatus.Ok => "ok",
                ModelCheckStatus.Mismatch => "mismatch",
                _ => "unknown-checksum",
            };
            await Context.Out.WriteLineAsync($"{label}\t{status}\t{check.Kind}\t{check.Actual}");
            if (check.Status == ModelCheckStatus.Mismatch)
            {
                mismatches++;
                await Context.Error.WriteLineAsync($"error: {file} does not match the table: {check.Kind} expected {check.Expected}, got {check.Actual}.");
            }
        }

        return mismatches == 0 ? BabelcastCli.Success : BabelcastCli.Failure;
    }
}
