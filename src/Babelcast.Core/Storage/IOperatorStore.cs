namespace Babelcast.Core.Storage;

/// <summary>The co-operators the owners of sessions invited.</summary>
public interface IOperatorStore
{
    /// <summary>
    /// Invites the user unless invited already or the session has <paramref name="limit"/> co-operators; the count and
    /// the insert are one step, so two invitations at once cannot pass the limit together.
    /// </summary>
    ValueTask<OperatorInvite> InviteAsync(OperatorRecord invitation, int limit, CancellationToken cancellationToken);

    /// <summary>Removes the invitation; false if there was none.</summary>
    ValueTask<bool> RevokeAsync(string sessionId, string userId, CancellationToken cancellationToken);

    /// <summary>The session's co-operators, oldest invitation first.</summary>
    ValueTask<IReadOnlyList<OperatorRecord>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The invitations of one user, newest first.</summary>
    ValueTask<IReadOnlyList<OperatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken);

    ValueTask<bool> IsOperatorAsync(string sessionId, string userId, CancellationToken cancellationToken);
}
