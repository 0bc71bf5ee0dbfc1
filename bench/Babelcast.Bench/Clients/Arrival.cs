namespace Babelcast.Bench.Clients;

/// <summary>
/// One received message, kept small because a fan-out run holds millions: the Stopwatch timestamp of its first
/// byte and, for text, the fields the harness needs. <see cref="Detail"/> is filled only by detailed listeners.
/// </summary>
public readonly record struct Arrival(ArrivalKind Kind, long Seq, long Timestamp, int Bytes, bool Replay, int Detail);
