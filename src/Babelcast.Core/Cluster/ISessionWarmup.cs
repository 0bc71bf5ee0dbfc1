namespace Babelcast.Core.Cluster;

/// <summary>
/// Readies this node's engines for a session it is about to run (a worker that just claimed it): the recogniser, and
/// the translation, voice and encoder of every language that has listeners anywhere, so that the first phrase after a
/// takeover loads nothing. Fire and forget; never fails the caller.
/// </summary>
public interface ISessionWarmup
{
    void WarmFor(string sessionId, string sourceLanguage);

    /// <summary>
    /// Readies the translation, voice and encoder of every language listened to in the session that is not ready yet,
    /// on a node that may run it later (a standby worker). Fire and forget; never fails the caller.
    /// </summary>
    void WarmTranslations(string sessionId, string sourceLanguage);
}
