namespace Babelcast.Core.Storage;

/// <summary>
/// A speaker account. <see cref="PasswordHash"/> is a self-describing hash string, never the password.
/// <see cref="TokenVersion"/> is written into every token issued for the user; raising it revokes all earlier tokens.
/// </summary>
public sealed record UserRecord(string Username, string PasswordHash, DateTimeOffset CreatedAt, bool Disabled = false, long TokenVersion = 0);
