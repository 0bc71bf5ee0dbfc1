using Microsoft.Extensions.Logging;

namespace Babelcast.Cluster.Redis;

internal static partial class Log
{
    [LoggerMessage(9500, LogLevel.Information, "Session {SessionId}: lease taken by {Owner} (generation {Generation})")]
    public static partial void LeaseAcquired(ILogger logger, string sessionId, string owner, long generation);

    [LoggerMessage(9501, LogLevel.Warning, "Session {SessionId}: lease generation {Generation} lost ({Reason}); this node stops working on it")]
    public static partial void LeaseLost(ILogger logger, string sessionId, long generation, string reason);

    [LoggerMessage(9502, LogLevel.Information, "Session {SessionId}: lease generation {Generation} released")]
    public static partial void LeaseReleased(ILogger logger, string sessionId, long generation);

    [LoggerMessage(9503, LogLevel.Warning, "Lease renewal failed; leases run on their local deadlines")]
    public static partial void RenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(9504, LogLevel.Warning, "Session {SessionId}: checkpoint refused, lease generation {Generation} is not current")]
    public static partial void CheckpointFenced(ILogger logger, string sessionId, long generation);

    [LoggerMessage(9510, LogLevel.Warning, "Session {SessionId}: ingest append failed, retrying in {RetryMs} ms (frames wait in order)")]
    public static partial void IngestAppendFailed(ILogger logger, string sessionId, long retryMs, Exception exception);

    [LoggerMessage(9513, LogLevel.Debug, "Session {SessionId}: speaker frame {ClientSeq} was appended already (another connection or node resent it); dropped")]
    public static partial void IngestClientDuplicate(ILogger logger, string sessionId, long clientSeq);

    [LoggerMessage(9511, LogLevel.Warning, "Session {SessionId}: ingest read failed, retrying in {RetryMs} ms")]
    public static partial void IngestReadFailed(ILogger logger, string sessionId, long retryMs, Exception exception);

    [LoggerMessage(9512, LogLevel.Information, "Session {SessionId}: ingest reading from {Position}")]
    public static partial void IngestReadStarted(ILogger logger, string sessionId, string position);

    [LoggerMessage(9520, LogLevel.Warning, "Claiming sessions failed; trying again at the next announcement or scan")]
    public static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(9521, LogLevel.Error, "Session {SessionId}: the owned session's runner failed; its lease is released")]
    public static partial void RunnerFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(9530, LogLevel.Warning, "Session {SessionId}: listener presence could not be read from Redis; using the last known counts")]
    public static partial void PresenceReadFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(9531, LogLevel.Warning, "Session {SessionId}: bus subscription or presence update failed; retried at the next heartbeat")]
    public static partial void GatewayUpdateFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(9532, LogLevel.Warning, "Dropped a bus message of session {SessionId} that this version cannot read")]
    public static partial void BusMessageDropped(ILogger logger, string sessionId);

    [LoggerMessage(9533, LogLevel.Information, "Bus connection to Redis restored; {Sessions} sessions' listeners resynced from the store")]
    public static partial void BusRestored(ILogger logger, int sessions);

    [LoggerMessage(9534, LogLevel.Warning, "Session {SessionId}: its live state could not be read from Redis; a new connection starts from the stored status")]
    public static partial void StateReadFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(9540, LogLevel.Information, "Session {SessionId}: pipeline started under lease generation {Generation}, reading after {Position} from seq {Seq}")]
    public static partial void OwnedSessionStarted(ILogger logger, string sessionId, long generation, string position, long seq);

    [LoggerMessage(9541, LogLevel.Information, "Session {SessionId}: log finished under lease generation {Generation}")]
    public static partial void OwnedSessionFinished(ILogger logger, string sessionId, long generation);

    [LoggerMessage(9542, LogLevel.Warning, "Session {SessionId}: checkpoint after phrase {Seq} could not be written; the next phrase's covers it")]
    public static partial void CheckpointFailed(ILogger logger, string sessionId, long seq, Exception exception);

    [LoggerMessage(9543, LogLevel.Warning, "Session {SessionId}: no worker finished the phrase in progress within {TimeoutMs} ms; the session ends now and its remaining phrases are stored when a worker gets to them")]
    public static partial void EndNotFinished(ILogger logger, string sessionId, long timeoutMs);

    [LoggerMessage(9560, LogLevel.Warning, "Standby warm-up could not read the live sessions or their listeners; trying again at the next change or rescan")]
    public static partial void StandbyWarmupFailed(ILogger logger, Exception exception);

    [LoggerMessage(9561, LogLevel.Warning, "Session {SessionId}: the store's write fence could not be raised to generation {Generation}; the session runs, and an earlier owner's late writes are not refused")]
    public static partial void FenceNotRaised(ILogger logger, string sessionId, long generation, Exception exception);
}
