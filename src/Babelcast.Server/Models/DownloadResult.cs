namespace Babelcast.Server.Models;

/// <summary>How a download ended, with the sentence to show; every outcome but a mismatch keeps the partial file.</summary>
internal sealed record DownloadResult(DownloadOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is DownloadOutcome.Installed or DownloadOutcome.AlreadyInstalled;
}
