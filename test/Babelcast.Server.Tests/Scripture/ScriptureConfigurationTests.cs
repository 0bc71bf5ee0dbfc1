using System.Net;
using Babelcast.Core.Protocol;
using Babelcast.Core.Scripture;
using Babelcast.Server.Hosting;
using Babelcast.Server.Tests.Http;
using Babelcast.Testing.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Tests.Scripture;

public sealed class ScriptureConfigurationTests
{
    [Fact]
    public async Task Scripture_BibleConfiguredForEnglish_ReadsThatBible()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Scripture:Bibles:en"] = "engKJV2006eb",
        });
        var token = await server.GetTokenAsync();
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/scripture?ref=John+3:16&lang=en-GB");

        var body = await ProblemAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("engKJV2006eb", body.GetProperty("bible").GetProperty("id").GetString());
        Assert.Contains("only begotten Son", body.GetProperty("verses")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_NoDiatheke_StartsWithNoBiblesAndSaysSo()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Scripture:Sword:DiathekePath"] = "/nonexistent/diatheke",
        });
        var token = await server.GetTokenAsync();
        using var client = server.CreateClient();

        using var bibles = await client.GetAsync("/api/bibles");
        Assert.Empty((await ProblemAssert.JsonAsync(bibles, HttpStatusCode.OK)).GetProperty("bibles").EnumerateArray());
        using var health = await client.GetAsync("/healthz");
        var scripture = (await ProblemAssert.JsonAsync(health, HttpStatusCode.OK)).GetProperty("checks").GetProperty("scripture");
        Assert.Equal("healthy", scripture.GetProperty("status").GetString());
        Assert.Contains("no Bibles installed", scripture.GetProperty("description").GetString(), StringComparison.Ordinal);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var passage = await client.GetAsync("/api/scripture?ref=John+3:16&lang=en");
        await ProblemAssert.IsProblemAsync(passage, HttpStatusCode.NotFound, ErrorCodes.NoBibleForLanguage);
    }

    [Fact]
    public async Task AddBabelcastScripture_LibraryNone_ListsNoBibleAndEveryLanguageIsTranslated()
    {
        using var services = Build(new() { ["Babelcast:Scripture:Library"] = "none" });
        var scripture = services.GetRequiredService<ScriptureService>();

        Assert.IsType<EmptyBibleLibrary>(scripture.Library);
        Assert.True(ScriptureReferenceParser.TryParse("John 3:16", out var reference, out _));
        Assert.Empty(await scripture.ListBiblesAsync(CancellationToken.None));
        Assert.Equal(PassageStatus.NoBibleForLanguage, (await scripture.GetPassageAsync(reference, "en", CancellationToken.None)).Status);
    }

    [Fact]
    public void AddBabelcastScripture_UnknownLibrary_FailsWithTheValidNames()
    {
        using var services = Build(new() { ["Babelcast:Scripture:Library"] = "papyrus" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScriptureOptions>>().Value);
        Assert.Contains("sword, none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBabelcastScripture_EmptyBibleId_FailsValidation()
    {
        using var services = Build(new() { ["Babelcast:Scripture:Bibles:es"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ScriptureOptions>>().Value);
        Assert.Contains("Bibles:es", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBabelcastScripture_InvalidSwordTimeout_FailsValidation()
    {
        using var services = Build(new() { ["Babelcast:Scripture:Sword:Timeout"] = "00:00:00" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Babelcast.Scripture.Sword.SwordOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBabelcastScripture();
        return services.BuildServiceProvider();
    }
}
