namespace Babelcast.Bench.Audio;

/// <summary>Where one clip sits in the streamed program, in samples from the first sample sent.</summary>
public sealed record ClipMark(int Index, string Name, string Reference, int StartSample, int LengthSamples, VoicedFrames Frames)
{
    public int EndSample => StartSample + LengthSamples;

    /// <summary>Start of the first voiced frame (speech onset).</summary>
    public int OnsetSample => StartSample + (Math.Max(0, Frames.FirstVoiced) * VoicedFrames.FrameSamples);

    /// <summary>End of the last voiced frame (end of speech).</summary>
    public int SpeechEndSample => Math.Min(EndSample, StartSample + ((Frames.LastVoiced + 1) * VoicedFrames.FrameSamples));

    /// <summary>End of the last voiced frame that ends at or before <paramref name="sample"/> (a phrase cut inside the clip).</summary>
    public int SpeechEndAtOrBefore(int sample)
    {
        for (var f = Frames.Voiced.Count - 1; f >= 0; f--)
        {
            var end = StartSample + ((f + 1) * VoicedFrames.FrameSamples);
            if (Frames.Voiced[f] && end <= sample)
            {
                return Math.Min(end, EndSample);
            }
        }

        return OnsetSample;
    }

    /// <summary>Start of the first voiced frame that starts at or after <paramref name="sample"/>.</summary>
    public int OnsetAtOrAfter(int sample)
    {
        for (var f = 0; f < Frames.Voiced.Count; f++)
        {
            var start = StartSample + (f * VoicedFrames.FrameSamples);
            if (Frames.Voiced[f] && start >= sample)
            {
                return start;
            }
        }

        return OnsetSample;
    }
}
