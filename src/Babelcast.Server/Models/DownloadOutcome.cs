namespace Babelcast.Server.Models;

internal enum DownloadOutcome
{
    Installed,
    AlreadyInstalled,
    ChecksumMismatch,
    Failed,
    Cancelled,
}
