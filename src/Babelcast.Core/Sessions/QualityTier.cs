namespace Babelcast.Core.Sessions;

/// <summary>
/// Which engines serve a session: <see cref="Standard"/> the offline ones, <see cref="Premium"/> the configured better
/// ones (<c>Babelcast:Engines:Premium</c>) with the standard ones as fallback.
/// </summary>
public enum QualityTier
{
    Standard,
    Premium,
}
