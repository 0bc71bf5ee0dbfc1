namespace Babelcast.Server.Hosting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> and partition.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
