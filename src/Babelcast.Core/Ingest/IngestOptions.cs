using System.ComponentModel.DataAnnotations;

namespace Babelcast.Core.Ingest;

/// <summary>Section "Babelcast:Ingest".</summary>
public sealed class IngestOptions
{
    public const string Section = "Babelcast:Ingest";

    /// <summary>Items buffered per session before the speaker is told the server is overloaded (about 60 s of 100 ms frames).</summary>
    [Range(8, 100_000)]
    public int QueueCapacity { get; set; } = 600;
}
