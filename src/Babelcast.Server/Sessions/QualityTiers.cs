namespace Babelcast.Server.Sessions;

public static class QualityTiers
{
    public const string Standard = "standard";
    public const string Premium = "premium";

    public static IReadOnlyList<string> All { get; } = [Standard, Premium];

    /// <summary>The canonical tier for <paramref name="value"/> (case-insensitive), or null if unknown.</summary>
    public static string? Normalize(string? value) =>
        All.FirstOrDefault(t => string.Equals(t, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
