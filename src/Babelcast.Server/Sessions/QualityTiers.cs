using Babelcast.Core.Sessions;

namespace Babelcast.Server.Sessions;

public static class QualityTiers
{
    public const string Standard = "standard";
    public const string Premium = "premium";

    public static IReadOnlyList<string> All { get; } = [Standard, Premium];

    /// <summary>The canonical tier for <paramref name="value"/> (case-insensitive), or null if unknown.</summary>
    public static string? Normalize(string? value) =>
        All.FirstOrDefault(t => string.Equals(t, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The pipeline's tier of a stored tier name; anything but premium is standard.</summary>
    public static QualityTier ToTier(string? value) =>
        string.Equals(value, Premium, StringComparison.OrdinalIgnoreCase) ? QualityTier.Premium : QualityTier.Standard;

    public static string NameOf(QualityTier tier) => tier == QualityTier.Premium ? Premium : Standard;
}
