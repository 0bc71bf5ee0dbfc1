namespace Babelcast.Core.Audio;

/// <summary>
/// Frame-level speech detector. The noise floor is the 10th percentile of recent frame levels, so steady noise of any
/// level (hum, fan, faint hiss) never counts as speech, while the pauses between words keep the floor honest.
/// </summary>
public sealed class VoiceActivityDetector(VoiceActivityOptions options)
{
    public const int FrameSamples = 320;

    private const double DigitalSilenceDbfs = -90;

    private readonly double[] _history = new double[options.NoiseWindowFrames];
    private readonly double[] _scratch = new double[options.NoiseWindowFrames];
    private int _count;
    private int _next;
    private int _loudRun;

    public double NoiseFloorDbfs { get; private set; } = -90;

    /// <summary>
    /// Classifies one 20 ms frame. <c>Onset</c>: enough consecutive loud frames to start a phrase;
    /// <c>Voiced</c>: loud enough to keep a phrase going.
    /// </summary>
    public VadFrame Process(ReadOnlySpan<short> frame)
    {
        var level = Pcm.LevelDbfs(frame);
        if (level > DigitalSilenceDbfs)
        {
            // Digital zeros (a muted input, padding) say nothing about the room's noise; counting them would make
            // the first frames of real background noise look like speech.
            _history[_next] = level;
            _next = (_next + 1) % _history.Length;
            _count = Math.Min(_count + 1, _history.Length);
        }

        NoiseFloorDbfs = _count == 0 ? level : Percentile10();

        var audible = level > options.AbsoluteFloorDbfs;
        var loud = audible && level >= NoiseFloorDbfs + options.OnsetMarginDb;
        _loudRun = loud ? _loudRun + 1 : 0;
        var voiced = audible && level >= NoiseFloorDbfs + options.ContinueMarginDb;
        return new VadFrame(voiced, _loudRun >= options.OnsetFrames, level);
    }

    private double Percentile10()
    {
        Array.Copy(_history, _scratch, _count);
        Array.Sort(_scratch, 0, _count);
        return _scratch[_count / 10];
    }
}
