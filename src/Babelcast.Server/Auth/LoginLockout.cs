using Babelcast.Core.Limits;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Auth;

/// <summary>
/// Counts wrong passwords per username (known or not, so that answers do not reveal which names exist) and locks a
/// username for a bounded, growing time. While locked even the right password is refused, or the lockout would tell a
/// guesser when it has found the password. A success clears the username's record. The records are kept by the
/// registered <see cref="IFailureLockout"/>: in process, or shared by a cluster so that N nodes allow the limit once.
/// </summary>
internal sealed class LoginLockout(IFailureLockout records, IOptions<LockoutOptions> options)
{
    /// <summary>How long <paramref name="username"/> is still locked, or null when it may try.</summary>
    public ValueTask<TimeSpan?> RetryAfterAsync(string username, CancellationToken cancellationToken) => records.RetryAfterAsync(username, cancellationToken);

    public ValueTask RecordFailureAsync(string username, CancellationToken cancellationToken)
    {
        var o = options.Value;
        return records.RecordFailureAsync(username, new LockoutPolicy(o.MaxFailures, o.Window, o.LockoutDuration, o.MaxLockoutDuration), cancellationToken);
    }

    public ValueTask RecordSuccessAsync(string username, CancellationToken cancellationToken) => records.RecordSuccessAsync(username, cancellationToken);
}
