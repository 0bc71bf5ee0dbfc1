namespace Babelcast.Server.Endpoints;

internal sealed record TranscriptLine(long Seq, long StartMs, long EndMs, string Text);
