namespace Babelcast.Core.Capacity;

/// <summary>
/// How much work a loaded node sheds, in the order it is shed: what listeners miss least goes first. Each level
/// includes the ones below it.
/// </summary>
public enum ShedLevel
{
    /// <summary>Everything runs: partials at their configured pace, the accurate final pass.</summary>
    Normal = 0,

    /// <summary>Listeners get partial captions four times less often (at least a second apart).</summary>
    ThinPartials = 1,

    /// <summary>The final pass uses the recogniser's cheaper settings, and no speculative early final pass runs.</summary>
    ReducedFinal = 2,

    /// <summary>No partials for listeners, and the final text is the streaming pass's: no second decode at all.</summary>
    StreamingFinal = 3,
}
