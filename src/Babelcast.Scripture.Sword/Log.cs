using Microsoft.Extensions.Logging;

namespace Babelcast.Scripture.Sword;

/// <summary>Log messages of the SWORD Bible library (event ids 3400-3499).</summary>
internal static partial class Log
{
    [LoggerMessage(3400, LogLevel.Information, "Scripture: {Count} Bibles installed ({Bibles}), read through {Diatheke}")]
    public static partial void BiblesFound(ILogger logger, int count, string bibles, string diatheke);

    [LoggerMessage(3401, LogLevel.Warning, "Scripture: diatheke not found ('{Diatheke}'); no Bibles, every language is machine-translated (install diatheke and sword-text-* packages: scripts/setup.sh)")]
    public static partial void DiathekeMissing(ILogger logger, string diatheke);

    [LoggerMessage(3402, LogLevel.Warning, "Scripture: no Bible modules in {Directory}; every language is machine-translated (install sword-text-* packages: scripts/setup.sh)")]
    public static partial void NoModules(ILogger logger, string directory);

    [LoggerMessage(3403, LogLevel.Warning, "Scripture: module configuration {File} could not be read")]
    public static partial void ConfUnreadable(ILogger logger, string file, Exception exception);

    [LoggerMessage(3404, LogLevel.Warning, "Scripture: diatheke {Module} '{Key}' failed: {Error}")]
    public static partial void PassageFailed(ILogger logger, string module, string key, string error);

    [LoggerMessage(3405, LogLevel.Debug, "Scripture: read {Module} '{Key}' ({Verses} verses) in {ElapsedMs:F0} ms")]
    public static partial void PassageRead(ILogger logger, string module, string key, int verses, double elapsedMs);
}
