namespace Babelcast.Core.Sessions;

/// <summary>
/// The quality tier a session has now, as the pipeline reads it at each phrase: a change (PATCH) applies from the
/// next phrase. Standard when the session is unknown.
/// </summary>
public interface ISessionTiers
{
    ValueTask<QualityTier> GetAsync(string sessionId, CancellationToken cancellationToken);
}
