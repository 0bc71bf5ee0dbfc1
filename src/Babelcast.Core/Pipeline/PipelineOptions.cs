using System.ComponentModel.DataAnnotations;
using Babelcast.Core.Audio;

namespace Babelcast.Core.Pipeline;

/// <summary>Section "Babelcast:Pipeline".</summary>
public sealed class PipelineOptions : IValidatableObject
{
    public const string Section = "Babelcast:Pipeline";

    /// <summary>A phrase closes after this much silence following speech.</summary>
    [Range(100, 5000)]
    public int EndSilenceMs { get; set; } = 350;

    /// <summary>
    /// The final recognition pass starts after this much silence, before the phrase is known to be over; if speech
    /// resumes the early result is thrown away. 0 disables the head start.
    /// </summary>
    [Range(0, 5000)]
    public int FinalPassHeadStartMs { get; set; } = 200;

    /// <summary>A phrase longer than this is cut at its quietest point (speech with no pause at all).</summary>
    [Range(1000, 60000)]
    public int MaxPhraseMs { get; set; } = 7000;

    /// <summary>
    /// Past this length a phrase also closes on a shorter pause, <see cref="PauseCutSilenceMs"/>, so that a speaker
    /// who never pauses for <see cref="EndSilenceMs"/> is cut at a natural pause long before <see cref="MaxPhraseMs"/>
    /// (a long phrase's final pass is slow, and it starts only when the phrase closes). 0 disables.
    /// </summary>
    [Range(0, 60000)]
    public int SoftMaxPhraseMs { get; set; } = 4000;

    /// <summary>The pause that closes a phrase longer than <see cref="SoftMaxPhraseMs"/> (<see cref="EndSilenceMs"/> if that is shorter).</summary>
    [Range(40, 5000)]
    public int PauseCutSilenceMs { get; set; } = 200;

    /// <summary>Audio kept before the detected onset so that the first syllable is not lost.</summary>
    [Range(0, 1000)]
    public int PreRollMs { get; set; } = 300;

    /// <summary>Audio fed to the streaming recogniser at a time; each feed may produce a partial.</summary>
    [Range(20, 1000)]
    public int ChunkMs { get; set; } = 100;

    /// <summary>Phrases with less voiced audio than this are ignored (clicks, coughs).</summary>
    [Range(0, 2000)]
    public int MinSpeechMs { get; set; } = 150;

    public bool TranslatePartials { get; set; } = true;

    /// <summary>Listeners get a partial caption at most this often (the speaker sees every partial).</summary>
    [Range(0, 5000)]
    public int PartialCaptionIntervalMs { get; set; } = 250;

    /// <summary>
    /// A session's partial captions are paced further apart once its audience would get more than this many per second
    /// in total (one per listener per partial); 0 means no limit. Final captions and audio are never thinned.
    /// </summary>
    [Range(0, 10_000_000)]
    public int PartialCaptionDeliveriesPerSecond { get; set; } = 16_000;

    /// <summary>
    /// Phrases that may wait between two stages (for the final recognition pass, and for translation and synthesis).
    /// When a queue is full the stage before it waits: back-pressure reaches recognition and then the bounded ingest
    /// queue, whose overflow the speaker is told about (<c>INGEST_OVERLOADED</c>), so memory never grows past the bound.
    /// </summary>
    [Range(1, 1000)]
    public int PhraseQueueCapacity { get; set; } = 16;

    /// <summary>
    /// Transcript writes (phrases, translations, timings) kept in memory while the store refuses them (read-only
    /// database, full disk), over all sessions; a write beyond this is reported to the speaker as lost.
    /// </summary>
    [Range(0, 1_000_000)]
    public int StorageBacklogCapacity { get; set; } = 10_000;

    /// <summary>How often kept transcript writes are tried again while the store refuses them.</summary>
    public TimeSpan StorageRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Final captions a late joiner receives on join.</summary>
    [Range(0, 1000)]
    public int LateJoinCaptions { get; set; } = 20;

    /// <summary>How long phrase audio is kept for replay and download.</summary>
    public TimeSpan AudioRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Release the recogniser after this long without speech (it holds ~100 MiB).</summary>
    public TimeSpan RecognizerIdleRelease { get; set; } = TimeSpan.FromSeconds(60);

    public VoiceActivityOptions VoiceActivity { get; set; } = new();

    public AudioQualityOptions AudioQuality { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SoftMaxPhraseMs > 0 && SoftMaxPhraseMs >= MaxPhraseMs)
        {
            yield return new ValidationResult(
                $"{nameof(SoftMaxPhraseMs)} ({SoftMaxPhraseMs}) must be below {nameof(MaxPhraseMs)} ({MaxPhraseMs}), or 0 to disable it.",
                [nameof(SoftMaxPhraseMs)]);
        }
    }
}
