namespace Babelcast.Core.Storage;

/// <summary>
/// An invitation: the account <see cref="UserId"/> may operate session <see cref="SessionId"/> (type, correct, hold,
/// prepared text, Scripture) beside its owner, from <see cref="InvitedAt"/> until revoked or the session is deleted.
/// </summary>
public sealed record OperatorRecord(string SessionId, string UserId, DateTimeOffset InvitedAt);
