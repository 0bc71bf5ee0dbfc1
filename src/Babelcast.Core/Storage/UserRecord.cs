namespace Babelcast.Core.Storage;

/// <summary>A speaker account. <see cref="PasswordHash"/> is a self-describing hash string, never the password.</summary>
public sealed record UserRecord(string Username, string PasswordHash, DateTimeOffset CreatedAt);
