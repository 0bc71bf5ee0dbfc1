using System.Collections.Concurrent;
using System.Text.Json;
using Babelcast.Core.Broadcasting;

namespace Babelcast.Core.Tests.Fakes;

/// <summary>Listeners in the given languages; records every frame sent to the speaker and every delivery, in order.</summary>
internal sealed class RecordingBroadcaster(params string[] languages) : IBroadcaster, IListenerPresence
{
    private readonly ConcurrentQueue<JsonElement> _speaker = new();
    private readonly ConcurrentQueue<(string Language, Delivery Delivery)> _listeners = new();

    /// <summary>Final transcripts sent to the speaker.</summary>
    public Counter FinalTranscripts { get; } = new();

    public IReadOnlyCollection<JsonElement> Speaker => [.. _speaker];

    private int _languageQueries;

    /// <summary>The n-th <see cref="GetListenerLanguages"/> call (from 1) throws, as an unexpected bug would; 0 for none.</summary>
    public int FailLanguageQuery { get; init; }

    public IReadOnlyCollection<string> GetListenerLanguages(string sessionId) =>
        Interlocked.Increment(ref _languageQueries) == FailLanguageQuery ? throw new InvalidOperationException("scripted bug") : languages;

    public void SendToSpeaker(string sessionId, OutboundFrame frame)
    {
        var message = JsonDocument.Parse(frame.Payload).RootElement.Clone();
        _speaker.Enqueue(message);
        if (message.GetProperty("type").GetString() == "transcript" && message.GetProperty("final").GetBoolean())
        {
            FinalTranscripts.Increment();
        }
    }

    public IReadOnlyDictionary<string, int> GetListenerCounts(string sessionId) => languages.ToDictionary(l => l, _ => 1);

    public void SendToListeners(string sessionId, string language, Delivery delivery) => _listeners.Enqueue((language, delivery));

    public void SendToAllListeners(string sessionId, Delivery delivery)
    {
        foreach (var language in languages)
        {
            _listeners.Enqueue((language, delivery));
        }
    }

    public void EndSession(string sessionId, OutboundFrame ended) => SendToSpeaker(sessionId, ended);

    public void RevokeOperator(string sessionId, string userId, OutboundFrame error) => SendToSpeaker(sessionId, error);

    /// <summary>The final captions' texts in <paramref name="language"/>, in the order they were sent.</summary>
    public List<(long Seq, string Text)> Captions(string language) =>
        [.. Deliveries(language, DeliveryKind.FinalCaption).Select(d => (d.Seq, Json(d.Frames[0]).GetProperty("text").GetString()!))];

    /// <summary>Each final caption's <c>origin</c> in <paramref name="language"/> ("speech" where the field is absent), in order.</summary>
    public List<string> CaptionOrigins(string language) =>
        [.. Deliveries(language, DeliveryKind.FinalCaption).Select(d => Json(d.Frames[0]).TryGetProperty("origin", out var o) ? o.GetString()! : "speech")];

    /// <summary>The final captions in <paramref name="language"/> as JSON, in the order they were sent.</summary>
    public List<JsonElement> CaptionMessages(string language) => [.. Deliveries(language, DeliveryKind.FinalCaption).Select(d => Json(d.Frames[0]))];

    /// <summary>The seqs of the phrases whose audio was sent in <paramref name="language"/>, in order.</summary>
    public List<long> AudioSeqs(string language) => [.. Deliveries(language, DeliveryKind.Audio).Select(d => d.Seq)];

    /// <summary>The seqs of the phrases whose final transcript the speaker got, in order.</summary>
    public List<long> FinalTranscriptSeqs() =>
        [.. _speaker.Where(m => m.GetProperty("type").GetString() == "transcript" && m.GetProperty("final").GetBoolean()).Select(m => m.GetProperty("seq").GetInt64())];

    /// <summary>The codes of the <c>error</c> messages the speaker got.</summary>
    public List<string> SpeakerErrors() =>
        [.. _speaker.Where(m => m.GetProperty("type").GetString() == "error").Select(m => m.GetProperty("code").GetString()!)];

    private IEnumerable<Delivery> Deliveries(string language, DeliveryKind kind) =>
        _listeners.Where(l => l.Language == language && l.Delivery.Kind == kind).Select(l => l.Delivery);

    private static JsonElement Json(OutboundFrame frame) => JsonDocument.Parse(frame.Payload).RootElement.Clone();
}
