namespace Babelcast.Core.Limits;

/// <summary>
/// Failures per key (e.g. wrong passwords per username) with growing lockouts (<see cref="LockoutPolicy"/>): the store
/// behind the sign-in lockout. Embedded, the records live in this process (<see cref="InProcessFailureLockout"/>); in a
/// cluster they live in a store all nodes share, so that a guesser gets the limit once, not once per node.
/// </summary>
public interface IFailureLockout
{
    /// <summary>How long <paramref name="key"/> is still locked, or null when it may try.</summary>
    ValueTask<TimeSpan?> RetryAfterAsync(string key, CancellationToken cancellationToken);

    /// <summary>Counts one failure of <paramref name="key"/>, locking it when the policy says so.</summary>
    ValueTask RecordFailureAsync(string key, LockoutPolicy policy, CancellationToken cancellationToken);

    /// <summary>Forgets the key's failures and lockouts (a success).</summary>
    ValueTask RecordSuccessAsync(string key, CancellationToken cancellationToken);
}
