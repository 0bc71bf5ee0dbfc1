namespace Babelcast.Core.Recognition;

/// <summary>Which settings the final pass of the next phrases uses; a loaded node asks for the cheaper one.</summary>
public enum FinalPass
{
    Accurate = 0,

    /// <summary>The engine's cheaper final settings, where it has any; otherwise the same as <see cref="Accurate"/>.</summary>
    Reduced = 1,
}
