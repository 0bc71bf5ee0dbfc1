namespace Babelcast.Core.Broadcasting;

/// <summary>Where the pipeline's results go: the speaker and the listeners of each language.</summary>
public interface IBroadcaster
{
    /// <summary>Languages that have at least one connected listener right now.</summary>
    IReadOnlyCollection<string> GetListenerLanguages(string sessionId);

    void SendToSpeaker(string sessionId, OutboundFrame frame);

    /// <summary>Writes to every listener of <paramref name="language"/>; never waits for a slow one.</summary>
    void SendToListeners(string sessionId, string language, Delivery delivery);
}
