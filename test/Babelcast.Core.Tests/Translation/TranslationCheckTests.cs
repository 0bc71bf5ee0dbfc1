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

    [Theory]
    [InlineData("Welcome to the morning service.", "es", "Bienvenue au service du matin.", "fr")]
    [InlineData("We read the book together today.", "es", "Hoje nós vamos ler o livro juntos.", "pt")]
    [InlineData("Please stand for the reading.", "es", "Please, stand up for the reading now.", "en")]
    [InlineData("Welcome to the service.", "de", "Welcome to the service, everyone.", "en")]
    [InlineData("We pray together today.", "ca", "Hoy rezamos juntos, usted y yo.", "es")]
    public void Reject_AnotherLanguageInTheSameScript_IsWrongLanguage(string source, string target, string answer, string _) =>
        Assert.Equal(FallbackReason.WrongLanguage, TranslationCheck.Reject(new TranslationRequest(source, "en", target), answer));

    [Theory]
    [InlineData("Welcome to the morning service.", "ca", "Benvinguts al servei del matí.")]
    [InlineData("Today we read The Lord of the Rings.", "es", "Hoy leemos The Lord of the Rings.")]
    [InlineData("Welcome to the service today.", "de", "Willkommen zum Gottesdienst heute.")]
    [InlineData("We pray together today.", "gl", "Hoxe rezamos xuntos.")]
    [InlineData("Please stand.", "pt", "Por favor, levantem-se.")]
    [InlineData("Amen.", "es", "Amén.")]
    [InlineData("Welcome to the service.", "sv", "Välkommen till the service.")] // no list for Swedish: not judged
    public void Reject_TargetLanguageOrUnjudged_IsNotWrongLanguage(string source, string target, string answer) =>
        Assert.Null(TranslationCheck.Reject(new TranslationRequest(source, "en", target), answer));

    [Fact]
    public void Reject_MarkerTheSourceHasToo_IsNotAnEcho() =>
        Assert.Null(TranslationCheck.Reject(new TranslationRequest("Which translation: the old one?", "en", "es"), "¿Qué traducción: translation: la antigua?"));

    [Fact]
    public void Reject_RunawayAnswer_IsGarbage() =>
        Assert.Equal(FallbackReason.Garbage, TranslationCheck.Reject(new TranslationRequest("Hi.", "en", "es"), new string('a', 60)));
}
