namespace Babelcast.Engines.HttpTranslation;

public static class HttpTranslationDefaults
{
    public const string OpenAiName = "openai";
    public const string LibreTranslateName = "libretranslate";

    /// <summary>The targets an HTTP engine serves unless configured: the languages Apertium and espeak-ng cover here.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ca", "de", "en", "eo", "es", "fr", "gl", "it", "nl", "oc", "pt", "ro"];

    internal static IReadOnlyCollection<string> TargetsOf(IReadOnlyCollection<string> configured) =>
        configured.Count == 0 ? Languages : configured.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
}
