namespace Babelcast.Engines.PocketSphinx;

/// <summary>Settings of the PocketSphinx recogniser, bound from <see cref="SectionName"/>.</summary>
public sealed class PocketSphinxOptions
{
    public const string SectionName = "Babelcast:Recognition:PocketSphinx";

    /// <summary>Directory of the pocketsphinx-en-us model (pkg-config --variable=modeldir pocketsphinx + /en-us).</summary>
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Acoustic model directory, relative to <see cref="ModelDirectory"/> or absolute.</summary>
    public string AcousticModel { get; set; } = "en-us";

    /// <summary>N-gram language model, relative to <see cref="ModelDirectory"/> or absolute.</summary>
    public string LanguageModel { get; set; } = "en-us.lm.bin";

    /// <summary>Pronunciation dictionary, relative to <see cref="ModelDirectory"/> or absolute.</summary>
    public string Dictionary { get; set; } = "cmudict-en-us.dict";

    /// <summary>Extra decoder arguments of the streaming pass (partials): the fast set, RTF ~0.07.</summary>
    public string StreamingArguments { get; set; } = "-fwdflat no -bestpath no -maxhmmpf 3000 -maxwpf 10 -ds 2";

    /// <summary>Extra decoder arguments of the second pass over a finished phrase (final text): ~25 % WER, RTF ~0.13.</summary>
    public string FinalArguments { get; set; } = "-fwdflat no -bestpath no";

    /// <summary>
    /// True: the final text of a phrase comes from a second decoding of the whole phrase on a shared decoder
    /// (<see cref="FinalArguments"/>, batch normalisation). False: from the session's streaming decoder when the phrase
    /// ends (its <c>-bestpath</c> over the lattice it built while the phrase was spoken): one decoding per phrase
    /// instead of two, and the final text ready as the phrase closes; give <see cref="StreamingArguments"/> a
    /// final-quality search then.
    /// </summary>
    public bool SecondPass { get; set; } = true;

    /// <summary>
    /// True: the final pass of a phrase runs while the phrase is spoken, on audio the segmenter has settled, on a
    /// decoder rented per phrase from its own pool (one per speaking session, ~110 MiB each), so that the final text is
    /// ready a few tens of milliseconds after the phrase closes instead of a decoding of the whole phrase later. False:
    /// the whole phrase is decoded when it closes (or from the final-pass head start). Needs <see cref="SecondPass"/>.
    /// </summary>
    public bool IncrementalFinalPass { get; set; } = true;

    /// <summary>
    /// Settled audio a phrase needs before its incremental final pass starts; its cepstral mean normalises the whole
    /// phrase (batch normalisation needs the whole phrase, live normalisation from earlier phrases loses words). Shorter
    /// phrases are decoded whole when they close.
    /// </summary>
    public int IncrementalStartMs { get; set; } = 1500;

    /// <summary>
    /// Phrases decoded incrementally at once, node-wide; others are decoded whole when they close. The incremental pass
    /// costs more CPU and a decoder per phrase in flight, so it is kept for a node with headroom: with six speakers on
    /// two cores, every phrase incremental left the node unbounded (lag 9-20 s) where whole-phrase passes stayed
    /// bounded (1.0-1.3 s). 0 = one per core.
    /// </summary>
    public int IncrementalDecoders { get; set; }

    public int EffectiveIncrementalDecoders => IncrementalDecoders > 0 ? IncrementalDecoders : Environment.ProcessorCount;

    /// <summary>
    /// Decoder arguments of the final pass while the node sheds load (<c>FinalPass.Reduced</c>); null or equal to
    /// <see cref="FinalArguments"/> means there is no cheaper pass. Its decoders (~110 MiB each) are created on first use.
    /// </summary>
    public string? ReducedFinalArguments { get; set; }

    /// <summary>Most streaming decoders (one per active session, ~110 MiB each, created lazily).</summary>
    public int MaxStreamingDecoders { get; set; } = 8;

    /// <summary>
    /// Idle decoders each pool keeps ready, created in the background whenever a rent takes one, so that a new session
    /// (or a final pass while the others are busy) never loads a model on its speaker's audio path; 0 creates lazily.
    /// </summary>
    public int WarmDecoders { get; set; } = 1;

    /// <summary>Second-pass decoders shared by all sessions (~110 MiB each, created lazily).</summary>
    public int FinalDecoders { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Weight of a session's glossary model, interpolated with the main model (which gets the rest). Measured: 0.01
    /// fixed a term; 0.05 and above broke other phrases.
    /// </summary>
    public double GlossaryWeight { get; set; } = 0.01;

    /// <summary>The espeak-ng command that pronounces glossary words missing from the dictionary.</summary>
    public string GlossaryESpeakCommand { get; set; } = "espeak-ng";

    /// <summary>File for sphinxbase's own log lines; null or empty silences them.</summary>
    public string? NativeLogFile { get; set; }

    internal string AcousticModelPath => Path.Combine(ModelDirectory, AcousticModel);

    internal string LanguageModelPath => Path.Combine(ModelDirectory, LanguageModel);

    internal string DictionaryPath => Path.Combine(ModelDirectory, Dictionary);
}
