namespace Babelcast.Core.Pipeline;

/// <summary>What became of an operator's correction; the speaker is told every outcome but <see cref="Corrected"/> as an error.</summary>
public enum CorrectionOutcome
{
    /// <summary>Stored, and sent to the listeners of every language that could be translated and to the speaker.</summary>
    Corrected,

    /// <summary>The phrase is unknown, not stored yet, or older than the last ones that may be corrected.</summary>
    NotCorrectable,

    /// <summary>The session made its corrections of the minute already.</summary>
    RateExceeded,

    /// <summary>The store refused the write; nothing changed.</summary>
    NotStored,
}
