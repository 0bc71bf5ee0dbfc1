using System.Globalization;

namespace Babelcast.Server.Https;

/// <summary>Whether Kestrel's "Failed to bind to address https://...:PORT" is about Babelcast:Https:Port, not --urls.</summary>
internal static class HttpsPortInUse
{
    public static bool Matches(string bindFailure, HttpsOptions options) =>
        options.ParsedMode is HttpsMode.SelfSigned or HttpsMode.Files
        && options.Port != 0
        && bindFailure.Contains("https://", StringComparison.Ordinal)
        && bindFailure.Contains(":" + options.Port.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal);
}
