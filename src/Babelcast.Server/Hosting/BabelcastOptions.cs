using System.ComponentModel.DataAnnotations;

namespace Babelcast.Server.Hosting;

/// <summary>Top-level settings (section "Babelcast").</summary>
public sealed class BabelcastOptions
{
    public const string Section = "Babelcast";

    /// <summary>Where SQLite, keys and audio live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Base URL used in join links and QR codes; empty = derived from the request.</summary>
    public string? PublicBaseUrl { get; set; }
}
