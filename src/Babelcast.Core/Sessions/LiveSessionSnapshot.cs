namespace Babelcast.Core.Sessions;

public sealed record LiveSessionSnapshot(int ListenerCount, IReadOnlyDictionary<string, int> LanguageDistribution, bool Muted, bool SpeakerConnected, bool Held = false)
{
    public static LiveSessionSnapshot Empty { get; } = new(0, new Dictionary<string, int>(), false, false);
}
