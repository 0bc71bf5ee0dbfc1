using Babelcast.Engines.PocketSphinx.Native;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// Computes the mean cepstrum of some audio with a decoder's front-end settings, as batch normalisation would over
/// that audio (frames the front end's voice detector drops, and frames of negative energy, do not count). Owns its own
/// front end, so the decoder's is untouched. Not thread-safe.
/// </summary>
internal sealed unsafe class CepstralMeanEstimator : IDisposable
{
    private const int BlockFrames = 128;

    private readonly FrontEndHandle _frontEnd;
    private readonly float[] _cepstra = new float[BlockFrames * PocketSphinxDecoder.CepstrumLength];

    private CepstralMeanEstimator(FrontEndHandle frontEnd) => _frontEnd = frontEnd;

    public static CepstralMeanEstimator Create(IntPtr config)
    {
        var frontEnd = NativeMethods.fe_init_auto_r(config);
        if (frontEnd.IsInvalid || NativeMethods.fe_get_output_size(frontEnd) != PocketSphinxDecoder.CepstrumLength)
        {
            frontEnd.Dispose();
            throw new InvalidOperationException("sphinxbase could not create a front end with the decoder's settings");
        }

        return new CepstralMeanEstimator(frontEnd);
    }

    /// <summary>Writes the mean cepstrum of <paramref name="samples"/>; returns the frames it averages (0: none, mean untouched).</summary>
    public int Mean(ReadOnlySpan<short> samples, Span<float> mean)
    {
        const int length = PocketSphinxDecoder.CepstrumLength;
        Span<double> sum = stackalloc double[length];
        var frames = 0;
        NativeMethods.fe_start_utt(_frontEnd);
        var rows = stackalloc float*[BlockFrames];
        fixed (short* start = samples)
        fixed (float* cepstra = _cepstra)
        {
            for (var i = 0; i < BlockFrames; i++)
            {
                rows[i] = cepstra + (i * length);
            }

            var next = start;
            var left = (nuint)samples.Length;
            while (left > 0)
            {
                var before = left;
                var produced = BlockFrames;
                if (NativeMethods.fe_process_frames(_frontEnd, &next, &left, rows, &produced, null) < 0)
                {
                    throw new InvalidOperationException("fe_process_frames failed");
                }

                for (var f = 0; f < produced; f++)
                {
                    if (rows[f][0] < 0)
                    {
                        continue;
                    }

                    frames++;
                    for (var k = 0; k < length; k++)
                    {
                        sum[k] += rows[f][k];
                    }
                }

                if (produced == 0 && left == before)
                {
                    break;
                }
            }
        }

        if (frames > 0)
        {
            for (var k = 0; k < length; k++)
            {
                mean[k] = (float)(sum[k] / frames);
            }
        }

        return frames;
    }

    public void Dispose() => _frontEnd.Dispose();
}
