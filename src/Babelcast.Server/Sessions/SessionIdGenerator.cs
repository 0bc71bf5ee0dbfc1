using System.Globalization;
using System.Security.Cryptography;

namespace Babelcast.Server.Sessions;

/// <summary>Random <c>adjective-noun-NNN</c> ids (NNN 100 to 999), about 4.8 million of them, none blocklisted.</summary>
internal sealed class SessionIdGenerator
{
    private const int MaxBlockedDraws = 1000;

    public string Next()
    {
        for (var i = 0; i < MaxBlockedDraws; i++)
        {
            var id = Compose(
                SessionWords.Adjectives[RandomNumberGenerator.GetInt32(SessionWords.Adjectives.Count)],
                SessionWords.Nouns[RandomNumberGenerator.GetInt32(SessionWords.Nouns.Count)],
                RandomNumberGenerator.GetInt32(100, 1000));
            if (!SessionIdBlocklist.IsBlocked(id))
            {
                return id;
            }
        }

        throw new InvalidOperationException("The session word lists produce only blocked ids.");
    }

    internal static string Compose(string adjective, string noun, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{adjective}-{noun}-{number}");
}
