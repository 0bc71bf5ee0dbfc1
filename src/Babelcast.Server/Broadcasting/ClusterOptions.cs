namespace Babelcast.Server.Broadcasting;

/// <summary>How this node shares sessions with others (<c>Babelcast:Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Babelcast:Cluster";

    /// <summary>The broadcast bus by name; <c>inproc</c> (the default) keeps every session on this node.</summary>
    public string Bus { get; set; } = BroadcastingServiceCollectionExtensions.InProcessBus;
}
