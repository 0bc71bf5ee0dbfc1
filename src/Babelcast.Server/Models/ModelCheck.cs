namespace Babelcast.Server.Models;

/// <summary>A file checked against its table entry: the status, the checksum kind compared, and both values.</summary>
internal sealed record ModelCheck(ModelCheckStatus Status, string Kind, string? Expected, string Actual);
