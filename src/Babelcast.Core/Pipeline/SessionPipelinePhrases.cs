using Babelcast.Core.Cluster;

namespace Babelcast.Core.Pipeline;

/// <summary>A phrase whose final pass is running: the queue between segmenting and finalising keeps speech order.</summary>
internal sealed record PendingPhrase(long Seq, SegmentEvent Segment, PhraseClock Clock, Task<string> Text, bool HadPartial, IngestCheckpoint? Position);

/// <summary>A recognised phrase and where a new owner would resume after it (null for a log without replay).</summary>
internal sealed record QueuedPhrase(RecognizedPhrase Phrase, IngestCheckpoint? Position);
