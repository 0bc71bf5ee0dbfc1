namespace Babelcast.Core.Pipeline;

/// <summary>Why the segmenter closed a phrase.</summary>
public enum PhraseEndReason
{
    /// <summary>A pause of <see cref="PipelineOptions.EndSilenceMs"/>.</summary>
    Pause,

    /// <summary>A shorter pause (<see cref="PipelineOptions.PauseCutSilenceMs"/>) in a phrase past <see cref="PipelineOptions.SoftMaxPhraseMs"/>.</summary>
    LongPhrasePause,

    /// <summary>No pause before <see cref="PipelineOptions.MaxPhraseMs"/>: cut at the quietest point, the rest goes on as the next phrase.</summary>
    MaxLength,

    /// <summary>The session paused, ended or flushed.</summary>
    Flush,
}
