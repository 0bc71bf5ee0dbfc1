namespace Babelcast.Bench.Clients;

/// <summary>
/// One received message, kept small because a fan-out run holds millions: the Stopwatch time of its first byte's arrival
/// and, for text, the fields the harness needs. <see cref="ServerMs"/> is the message's <c>timings.sinceSpeechEndMs</c>
/// (when the server serialised it; NaN if absent). <see cref="Detail"/> (1-based index) is filled only by detailed
/// listeners. <see cref="Read"/> is when the client's own code read it: the same as <see cref="Timestamp"/> for a
/// <see cref="ListenerClient"/>; later for a raw listener, whose <see cref="Timestamp"/> is the kernel's receive time.
/// </summary>
public readonly record struct Arrival(ArrivalKind Kind, long Seq, long Timestamp, int Bytes, bool Replay, float ServerMs, int Detail, long Read);
