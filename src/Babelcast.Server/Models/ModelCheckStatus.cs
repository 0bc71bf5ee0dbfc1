namespace Babelcast.Server.Models;

/// <summary>The result of checking a file against its table entry.</summary>
internal enum ModelCheckStatus
{
    Ok,
    Mismatch,
    UnknownChecksum,
}
