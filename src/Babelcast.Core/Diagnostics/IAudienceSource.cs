namespace Babelcast.Core.Diagnostics;

/// <summary>What the audience gauges read when metrics are collected (the live hub of this node).</summary>
public interface IAudienceSource
{
    /// <summary>Sessions with a live speaker or listeners on this node.</summary>
    int ActiveSessions { get; }

    /// <summary>Connected listeners by language, summed over this node's sessions.</summary>
    IReadOnlyDictionary<string, int> ListenersByLanguage();
}
