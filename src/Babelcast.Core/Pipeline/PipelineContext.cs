using Babelcast.Core.Broadcasting;
using Babelcast.Core.Capacity;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Ingest;
using Babelcast.Core.Sessions;
using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Pipeline;

/// <summary>What every session pipeline shares.</summary>
internal sealed record PipelineContext(
    PipelineOptions Options,
    EngineSet Engines,
    IAudioIngest Ingest,
    IBroadcaster Broadcaster,
    IListenerPresence Presence,
    PhraseProcessor Processor,
    BabelcastMetrics Metrics,
    TimeProvider Time,
    ILoadShedding Shedding,
    WorkScheduler Scheduler,
    ILogger Logger,
    ISessionTiers Tiers);
