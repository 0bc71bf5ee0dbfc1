using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using Babelcast.Server.Models;

namespace Babelcast.Server.Cli;

/// <summary>
/// <c>models download NAME [--base-url URL] [--sha256 HEX]</c>: fetches BASE/FILE into the model directory with
/// resume and verification (see <see cref="ModelDownloader"/>). A model without a checksum in the table is refused
/// unless --sha256 gives one. Exit codes: 0 installed (or already there), 1 failed, 2 usage, 130 cancelled.
/// </summary>
internal sealed class ModelsDownloadCommand : ModelsSubcommand
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _name = new("NAME") { Description = "The model's name, as 'models list' shows it (e.g. base.en)." };

    private readonly Option<string?> _baseUrl = new("--base-url")
    {
        Description = "Download from URL/FILE instead of Babelcast:Models:BaseUrl (default " + ModelsOptions.DefaultBaseUrl + ").",
        HelpName = "URL",
    };

    private readonly Option<string?> _sha256 = new("--sha256")
    {
        Description = "The expected SHA-256, for a model whose checksum the table lacks (use a value from a source you trust).",
        HelpName = "HEX",
    };

    public ModelsDownloadCommand(CliContext context, Option<string?> catalog)
        : base("download", "Download a model into the model directory, resuming a partial download, and verify its checksum.", context, catalog)
    {
        Arguments.Add(_name);
        Options.Add(_baseUrl);
        Options.Add(_sha256);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ModelsSetup setup, CancellationToken cancellationToken)
    {
        var name = parseResult.GetRequiredValue(_name);
        var model = setup.Catalog.Find(name);
        if (model is null)
        {
            return await FailAsync($"unknown model '{name}'. Known models: {string.Join(", ", setup.Catalog.Models.Select(m => m.Name))}.");
        }

        var sha256 = parseResult.GetValue(_sha256)?.Trim().ToLowerInvariant();
        if (sha256 is not null && !Hex.IsHex(sha256, 64))
        {
            return await FailAsync("--sha256 must be 64 hexadecimal digits.");
        }

        if (sha256 is not null && model.Sha256 is not null && sha256 != model.Sha256)
        {
            return await FailAsync($"--sha256 differs from the table's value for {model.Name} ({model.Sha256}); nothing was downloaded.");
        }

        if (!model.HasChecksum && sha256 is null)
        {
            return await FailAsync($"the table has no published checksum for {model.Name}, so a download could not be verified. "
                + "Pass --sha256 HEX with a value from a source you trust to install it.");
        }

        var baseUrl = parseResult.GetValue(_baseUrl) ?? setup.Options.BaseUrl;
        if (!ModelsOptionsValidator.IsHttpUrl(baseUrl))
        {
            return await FailAsync($"--base-url must be an absolute http or https URL (was '{baseUrl}').");
        }

        using var handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, ConnectTimeout = ConnectTimeout };
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("babelcast", typeof(ModelsDownloadCommand).Assembly.GetName().Version?.ToString(3)));
        var downloader = new ModelDownloader(http, TimeProvider.System, Context.Error, Context.ErrorIsTerminal, setup.Options.StallTimeout);
        await Context.Error.WriteLineAsync($"downloading {model.Name} from {baseUrl.TrimEnd('/')}/{model.File} into {setup.Files.Directory}");
        var result = await downloader.DownloadAsync(model, setup.Files, new Uri(baseUrl), sha256, cancellationToken);
        if (result.Succeeded)
        {
            await Context.Out.WriteLineAsync(result.Message);
            return BabelcastCli.Success;
        }

        await Context.Error.WriteLineAsync("error: " + result.Message);
        return result.Outcome == DownloadOutcome.Cancelled ? BabelcastCli.Cancelled : BabelcastCli.Failure;
    }
}
