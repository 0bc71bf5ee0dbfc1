using Babelcast.Server.Models;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Cli;

/// <summary>
/// What the models commands read from the same configuration as the server (appsettings, environment, command line):
/// the validated <see cref="ModelsOptions"/>, the model table (built in, or <c>--catalog</c> / <c>Babelcast:Models:Catalog</c>)
/// and the model directory.
/// </summary>
internal sealed record ModelsSetup(ModelsOptions Options, ModelCatalog Catalog, ModelFiles Files)
{
    public static ModelsSetup Load(IReadOnlyList<string> configurationArgs, string? catalogPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. configurationArgs] });
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<ModelsOptions>>().Value; // validates
        var files = ModelFiles.FromConfiguration(builder.Configuration);
        var path = string.IsNullOrWhiteSpace(catalogPath) ? options.Catalog : catalogPath;
        var catalog = string.IsNullOrWhiteSpace(path) ? ModelCatalog.BuiltIn() : ModelCatalog.Load(path);
        return new ModelsSetup(options, catalog, files);
    }
}
