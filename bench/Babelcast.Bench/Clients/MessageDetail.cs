namespace Babelcast.Bench.Clients;

/// <summary>The fields of a caption, transcript or audio header that only the latency scenario needs.</summary>
public sealed record MessageDetail(long StartMs, long EndMs, string Text, IReadOnlyDictionary<string, double> Timings);
