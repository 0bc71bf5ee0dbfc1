using Babelcast.Core.Audio;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// Whether a stretch of audio holds speech by the pipeline's voice-activity detector: Whisper is never shown audio
/// without it, because on silence or steady noise it writes invented words. The detector starts fresh on the
/// stretch, so steady noise sets its own floor and never counts, and digital silence is never audible.
/// </summary>
internal static class SpeechGate
{
    public static bool HasSpeech(ReadOnlySpan<short> audio, VoiceActivityOptions options, int minSpeechMs)
    {
        var detector = new VoiceActivityDetector(options);
        var needed = Math.Max(1, minSpeechMs / 20);
        var voiced = 0;
        var started = false;
        for (var at = 0; at + VoiceActivityDetector.FrameSamples <= audio.Length; at += VoiceActivityDetector.FrameSamples)
        {
            var frame = detector.Process(audio.Slice(at, VoiceActivityDetector.FrameSamples));
            started |= frame.Onset;
            if (started && frame.Voiced && ++voiced >= needed)
            {
                return true;
            }
        }

        return false;
    }
}
