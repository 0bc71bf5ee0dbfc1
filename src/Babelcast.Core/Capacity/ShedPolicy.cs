using Babelcast.Core.Recognition;

namespace Babelcast.Core.Capacity;

/// <summary>What each <see cref="ShedLevel"/> means for a pipeline, in one place.</summary>
public static class ShedPolicy
{
    /// <summary>Listener partials are paced four times slower, and never closer than this.</summary>
    public const int ThinPartialMinIntervalMs = 1000;

    public static int PartialIntervalMs(ShedLevel level, int configuredMs) =>
        level >= ShedLevel.ThinPartials ? Math.Max(configuredMs * 4, ThinPartialMinIntervalMs) : configuredMs;

    /// <summary>Whether listeners get partial captions at all (the speaker always sees them: they cost no translation).</summary>
    public static bool ListenerPartials(ShedLevel level) => level < ShedLevel.StreamingFinal;

    /// <summary>Whether the final pass may start speculatively before the phrase is known to be over (wasted if speech resumes).</summary>
    public static bool SpeculativeFinal(ShedLevel level) => level < ShedLevel.ReducedFinal;

    public static FinalPass FinalPass(ShedLevel level) => level >= ShedLevel.ReducedFinal ? Recognition.FinalPass.Reduced : Recognition.FinalPass.Accurate;

    /// <summary>Whether the finished phrase is decoded again; if not, the streaming pass's text is final.</summary>
    public static bool SecondDecode(ShedLevel level) => level < ShedLevel.StreamingFinal;
}
