using Babelcast.Core.Translation;

namespace Babelcast.Core.Tests.Translation;

public sealed class TranslationCheckTests
{
    [Theory]
    [InlineData("Please stand.", "Por favor, pónganse de pie.", "es")]
    [InlineData("Please stand.", "Пожалуйста, встаньте.", "ru")]
    [InlineData("OK.", "OK.", "es")] // too short to call unchanged
    [InlineData("Read with me.", "Lean conmigo la traducción de la Biblia.", "es")]
    public void Reject_PlausibleAnswer_IsNull(string source, string answer, string target) =>
        Assert.Null(TranslationCheck.Reject(new TranslationRequest(source, "en", target), answer));

    [Theory]
    [InlineData("", FallbackReason.Empty)]
    [InlineData(" \n ", FallbackReason.Empty)]
    [InlineData("please STAND!", FallbackReason.Unchanged)]
    [InlineData("Translation: Por favor.", FallbackReason.Echo)]
    [InlineData("Sure! Here's the translation: Por favor.", FallbackReason.Echo)]
    [InlineData("Previous phrases of the speaker: none", FallbackReason.Echo)]
    [InlineData("Пожалуйста, встаньте.", FallbackReason.Garbage)]
    [InlineData("Por favor\u0007", FallbackReason.Garbage)]
    public void Reject_ImplausibleAnswer_NamesTheReason(string answer, string reason) =>
        Assert.Equal(reason, TranslationCheck.Reject(new TranslationRequest("Please stand.", "en", "es"), answer));

    [Fact]
    public void Reject_MarkerTheSourceHasToo_IsNotAnEcho() =>
        Assert.Null(TranslationCheck.Reject(new TranslationRequest("Which translation: the old one?", "en", "es"), "¿Qué traducción: translation: la antigua?"));

    [Fact]
    public void Reject_RunawayAnswer_IsGarbage() =>
        Assert.Equal(FallbackReason.Garbage, TranslationCheck.Reject(new TranslationRequest("Hi.", "en", "es"), new string('a', 60)));
}
