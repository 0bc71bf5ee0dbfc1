namespace Babelcast.Core.Sessions;

/// <summary>Every session is standard: the default where no session store decides (component tests, tools).</summary>
public sealed class StandardSessionTiers : ISessionTiers
{
    public static StandardSessionTiers Instance { get; } = new();

    public ValueTask<QualityTier> GetAsync(string sessionId, CancellationToken cancellationToken) => ValueTask.FromResult(QualityTier.Standard);
}
