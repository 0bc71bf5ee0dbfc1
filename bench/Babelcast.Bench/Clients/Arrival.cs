namespace Babelcast.Bench.Clients;

/// <summary>
/// One received message, kept small because a fan-out run holds millions: the Stopwatch timestamp of its first
/// byte and, for text, the fields the harness needs. <see cref="ServerMs"/> is the message's
/// <c>timings.sinceSpeechEndMs</c> (when the server serialised it; NaN if absent). <see cref="Detail"/> (1-based index)
/// is filled only by detailed listeners.
/// </summary>
public readonly record struct Arrival(ArrivalKind Kind, long Seq, long Timestamp, int Bytes, bool Replay, float ServerMs, int Detail);
