using Babelcast.Engines.Apertium.Text;

namespace Babelcast.Engines.Apertium.Tests.Text;

public sealed class ApertiumTidyTests
{
    [Theory]
    [InlineData("Buenos días Y bienvenido a nuestra iglesia.", "Good morning and welcome to our church.", "es", "Buenos días y bienvenido a nuestra iglesia.")]
    [InlineData("Gracias Para unirnos, y poder el dios te bendices.", "Thank you for joining us, and may God bless you.", "es", "Gracias para unirnos, y poder el dios te bendices.")]
    [InlineData("Bonjour Et bienvenu à notre église.", "Good morning and welcome to our church.", "fr", "Bonjour et bienvenu à notre église.")]
    [InlineData("Bons dias E bem-vindo a nossa igreja.", "Good morning and welcome to our church.", "pt", "Bons dias e bem-vindo a nossa igreja.")]
    public void Tidy_StrayCapitalisedFunctionWord_IsLowerCased(string output, string source, string target, string expected)
    {
        Assert.Equal(expected, ApertiumTidy.Tidy(output, source, target));
    }

    [Theory]
    [InlineData("Gracias a Dios Y a John.", "Thanks to God and to John.", "es", "Gracias a Dios y a John.")]
    [InlineData("Hoy. El sermón Y la misa.", "Today. The sermon and the mass.", "es", "Hoy. El sermón y la misa.")]
    [InlineData("Vi a María En Madrid.", "I saw Mary In Madrid.", "es", "Vi a María En Madrid.")]
    [InlineData("and then I said", "i i dic", "en", "and then I said")]
    [InlineData("La Conferencia De Madrid Y Paz", "The Conference Of Madrid And Peace", "es", "La Conferencia De Madrid Y Paz")]
    [InlineData("Visité Salamanca Con Pedro.", "I visited Salamanca with Pedro.", "de", "Visité Salamanca Con Pedro.")]
    public void Tidy_NamesSentenceStartsAndCapitalisedSources_AreKept(string output, string source, string target, string expected)
    {
        Assert.Equal(expected, ApertiumTidy.Tidy(output, source, target));
    }

    [Theory]
    [InlineData("Hola *forgiveness y #bendecir @casa.", "Hola forgiveness y bendecir casa.")]
    [InlineData("Hoy  oiremos   un mensaje .", "Hoy oiremos un mensaje.")]
    [InlineData("  uno ,\n dos  ", "uno, dos")]
    [InlineData("5 * 3 es @ 15#", "5 * 3 es @ 15#")]
    public void Clean_MarksAndSpaces_AreRemoved(string output, string expected)
    {
        Assert.Equal(expected, ApertiumTidy.Clean(output));
    }

    [Theory]
    [InlineData("nous aujourd'hui écouterons.", "Today we will hear.", "Nous aujourd'hui écouterons.")]
    [InlineData("¿qué tal?", "How are you?", "¿Qué tal?")]
    [InlineData("iPhone nuevo", "iPhone new", "iPhone nuevo")]
    public void MatchInitialCapital_SourceCapitalised_CapitalisesOutput(string output, string source, string expected)
    {
        Assert.Equal(expected, ApertiumTidy.MatchInitialCapital(output, source));
    }
}
