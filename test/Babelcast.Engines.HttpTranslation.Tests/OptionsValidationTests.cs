using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.HttpTranslation.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void OpenAi_ChosenWithoutUrlOrModel_FailsWithTheKeys()
    {
        using var host = new TranslatorHost(new Dictionary<string, string?> { ["Babelcast:Engines:Premium:Translation"] = "openai" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<OpenAiOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Babelcast:Translation:OpenAi:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Babelcast:Translation:OpenAi:Model is required", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenAi_BadUrlAndContext_FailWithoutRepeatingTheUrl()
    {
        using var host = new TranslatorHost(new Dictionary<string, string?>
        {
            ["Babelcast:Engines:Translation"] = "openai",
            ["Babelcast:Translation:OpenAi:BaseUrl"] = "ftp://user:secret@host/v1",
            ["Babelcast:Translation:OpenAi:Model"] = "m",
            ["Babelcast:Translation:OpenAi:ContextPhrases"] = "9",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<OpenAiOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("must be an absolute http:// or https:// URL", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ContextPhrases must be 0 to 3", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LibreTranslate_ChosenWithoutUrl_Fails()
    {
        using var host = new TranslatorHost(new Dictionary<string, string?> { ["Babelcast:Engines:Premium:Translation"] = "LibreTranslate" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<LibreTranslateOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Babelcast:Translation:LibreTranslate:BaseUrl is required", StringComparison.Ordinal));
    }

    [Fact]
    public void NotChosen_NothingIsRequired()
    {
        using var host = new TranslatorHost(new Dictionary<string, string?>());

        Assert.Equal(string.Empty, host.Services.GetRequiredService<IOptions<OpenAiOptions>>().Value.BaseUrl);
        Assert.Equal(string.Empty, host.Services.GetRequiredService<IOptions<LibreTranslateOptions>>().Value.BaseUrl);
    }
}
