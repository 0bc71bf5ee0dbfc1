namespace Babelcast.Core.Broadcasting;

/// <summary>
/// Who listens to a session, by language. The pipeline translates only the languages listed here; the speaker's
/// status and the REST view show the counts. Embedded, it reads this node's connection store; a cluster implementation
/// sums the counts of every node.
/// </summary>
public interface IListenerPresence
{
    /// <summary>Languages that have at least one connected listener right now.</summary>
    IReadOnlyCollection<string> GetListenerLanguages(string sessionId);

    /// <summary>Connected listeners per language (languages without listeners are absent).</summary>
    IReadOnlyDictionary<string, int> GetListenerCounts(string sessionId);
}
