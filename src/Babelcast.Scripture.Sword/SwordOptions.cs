namespace Babelcast.Scripture.Sword;

/// <summary>Settings of the SWORD Bible library, bound from <c>Babelcast:Scripture:Sword</c>.</summary>
public sealed class SwordOptions
{
    public const string SectionName = "Babelcast:Scripture:Sword";

    /// <summary>The diatheke executable: a name looked up on PATH, or a full path.</summary>
    public string DiathekePath { get; set; } = "diatheke";

    /// <summary>The SWORD data directory (with <c>mods.d</c> and <c>modules</c>); passed to diatheke as SWORD_PATH.</summary>
    public string SwordPath { get; set; } = "/usr/share/sword";

    /// <summary>Bound on one diatheke call (about 0.3 s on an idle machine).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many passages are kept in memory.</summary>
    public int CacheSize { get; set; } = 500;
}
