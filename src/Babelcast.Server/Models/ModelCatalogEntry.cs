using System.Text.Json.Serialization;

namespace Babelcast.Server.Models;

/// <summary>
/// One downloadable model: its short name (<c>base.en</c>), the file name under the base URL and in the model
/// directory, an approximate size for display, and whichever published checksums exist (lower-case hex).
/// </summary>
internal sealed record ModelCatalogEntry
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("size")]
    public string? Size { get; init; }

    /// <summary>The exact length in bytes, when published; a download of another length is refused.</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; init; }

    [JsonPropertyName("sha256")]
    public string? Sha256 { get; init; }

    /// <summary>SHA-1 as whisper.cpp publishes it; used only when no SHA-256 is known.</summary>
    [JsonPropertyName("sha1")]
    public string? Sha1 { get; init; }

    [JsonIgnore]
    public bool HasChecksum => Sha256 is not null || Sha1 is not null;

    /// <summary>Which checksum <see cref="ModelChecksums.CheckAsync"/> uses: "sha256", "sha1" or "none".</summary>
    [JsonIgnore]
    public string ChecksumKind => Sha256 is not null ? "sha256" : Sha1 is not null ? "sha1" : "none";
}
