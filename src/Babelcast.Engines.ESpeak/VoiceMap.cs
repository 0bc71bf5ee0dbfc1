namespace Babelcast.Engines.ESpeak;

/// <summary>Resolves a language code to an espeak voice: exact tag first, then its primary subtag (pt-PT -> pt).</summary>
internal sealed class VoiceMap(IReadOnlyDictionary<string, string> voices)
{
    private readonly Dictionary<string, string> _voices = new(voices, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<KeyValuePair<string, string>> Entries => _voices;

    public bool TryResolve(string language, out string voice)
    {
        if (_voices.TryGetValue(language, out voice!))
        {
            return true;
        }

        var dash = language.IndexOfAny(['-', '_']);
        return dash > 0 && _voices.TryGetValue(language[..dash], out voice!);
    }

    /// <summary>espeak's rate in words per minute for a rate factor (1 = normal).</summary>
    public static int Rate(int baseRate, double factor) => Scale(baseRate, factor, 80, 450);

    /// <summary>espeak's amplitude (100 = normal) for a volume factor (1 = normal).</summary>
    public static int Volume(double factor) => Scale(100, factor, 10, 200);

    private static int Scale(int normal, double factor, int min, int max)
    {
        if (!double.IsFinite(factor) || factor <= 0)
        {
            factor = 1;
        }

        return (int)Math.Clamp(Math.Round(normal * factor), min, max);
    }
}
