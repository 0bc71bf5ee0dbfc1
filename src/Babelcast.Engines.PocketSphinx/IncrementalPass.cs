using System.Runtime.InteropServices;
using Babelcast.Engines.PocketSphinx.Glossaries;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// The final pass of one session's phrases, decoded while the phrase is spoken instead of after it: audio the segmenter
/// has settled (it will belong to the phrase whatever follows) is fed to a final-settings decoder as it comes, so that
/// when the phrase closes only its last chunk and the best-path search remain. Batch cepstral normalisation needs the
/// whole phrase, so the pass starts once the phrase has <c>startSamples</c> of settled audio and normalises with the
/// mean of that first part (measured within a word or two of batch normalisation on the 12 clips, where the decoder's
/// own running mean, carried from phrase to phrase, lost 24 words). A phrase that never gets that long, a phrase cut
/// before audio the pass already had, or no idle decoder: no incremental result, and the caller decodes the phrase
/// whole as before. Its decoder is rented per phrase and given back when the phrase is over.
/// Called from one thread (the session's loop); the native work runs in order on the thread pool.
/// </summary>
internal sealed class IncrementalPass(DecoderPool pool, int startSamples, ILogger logger, TimeProvider timeProvider)
{
    private readonly List<short> _audio = [];
    private Run? _run;
    private bool _unavailable;
    private bool _open;
    private int _fed;
    private Task<string?>? _finished;
    private int _finishedLength = -1;

    /// <summary>The session's glossary, applied to the decoder as each phrase opens.</summary>
    public DecoderGlossary? Glossary { get; set; }

    /// <summary>Completes when the native work queued so far is done (tests pace themselves on it).</summary>
    internal Task PendingWork => _run?.Work ?? Task.CompletedTask;

    /// <summary>
    /// The final-settings decoder's newest text for the current phrase (settled audio only), or null before it has
    /// decoded any: once there is one the session's streaming decoder can rest for the rest of the phrase.
    /// </summary>
    public string? Hypothesis => _unavailable ? null : _run?.Hypothesis;

    /// <summary>Samples of the current phrase this pass has been given.</summary>
    public int SettledSamples => _audio.Count;

    /// <summary>Settled audio of the current phrase, in order from its first sample.</summary>
    public void Append(ReadOnlySpan<short> samples)
    {
        if (_unavailable || samples.IsEmpty)
        {
            return;
        }

        _audio.AddRange(samples);
        if (_run is null)
        {
            if (_audio.Count < startSamples)
            {
                return;
            }

#pragma warning disable CA2000 // the run owns the rented decoder until Release gives it back to the pool
            if (!pool.TryRent(out var decoder))
            {
                // Every decoder is busy or a warm one is still loading: this phrase is decoded whole at its end.
                Log.IncrementalPassUnavailable(logger);
                _unavailable = true;
                return;
            }

            _run = new Run(decoder, logger, timeProvider);
#pragma warning restore CA2000
        }

        if (!_open)
        {
            // The first start, or speech resumed after a tentative finish: an utterance over all the audio so far.
            _open = true;
            _finished = null;
            _finishedLength = -1;
            _fed = 0;
            _run.Open(_audio.GetRange(0, Math.Min(_audio.Count, startSamples)).ToArray(), Glossary);
        }

        _run.Feed(_audio.GetRange(_fed, _audio.Count - _fed).ToArray());
        _fed = _audio.Count;
    }

    /// <summary>
    /// The final text of the phrase whose audio is <paramref name="utterance"/> (the settled audio and perhaps a tail),
    /// or null when this pass cannot give it (the caller decodes the phrase whole). Its task's null result means the
    /// native work failed. The phrase stays open: audio appended later reopens the pass over the longer phrase.
    /// </summary>
    public Task<string?>? TryFinish(ReadOnlyMemory<short> utterance)
    {
        if (_run is null || _unavailable)
        {
            return null;
        }

        if (_finished is not null)
        {
            return utterance.Length == _finishedLength ? _finished : null;
        }

        if (utterance.Length < _fed || !utterance.Span[.._fed].SequenceEqual(CollectionsMarshal.AsSpan(_audio)[.._fed]))
        {
            // Cut before audio the decoder already has (a phrase at its maximum length): not this phrase any more.
            Release();
            _unavailable = true;
            return null;
        }

        var rest = utterance.Span[_fed..].ToArray();
        _audio.AddRange(rest);
        _fed = _audio.Count;
        _open = false;
        _finished = _run.Finish(rest, utterance.Length);
        _finishedLength = utterance.Length;
        return _finished;
    }

    /// <summary>The phrase is over (or abandoned): its decoder goes back to the pool once its work is done.</summary>
    public void Release()
    {
        _run?.Return(pool);
        _run = null;
        _audio.Clear();
        _unavailable = false;
        _open = false;
        _fed = 0;
        _finished = null;
        _finishedLength = -1;
    }

    /// <summary>One phrase's decoder and its queue of native work.</summary>
    private sealed class Run(PocketSphinxDecoder decoder, ILogger logger, TimeProvider timeProvider)
    {
        private readonly float[] _mean = new float[PocketSphinxDecoder.CepstrumLength];
        private Task _work = Task.CompletedTask;
        private bool _meanKnown;

        private volatile bool _broken;
        private volatile string? _hypothesis;

        public Task Work => _work;

        /// <summary>Written by the native work after each feed, read by the session's loop.</summary>
        public string? Hypothesis => _broken ? null : _hypothesis;

        public void Open(short[] start, DecoderGlossary? glossary) => Enqueue(() =>
        {
            decoder.TryUseGlossary(glossary, logger);
            if (!_meanKnown)
            {
                using var estimator = decoder.CreateMeanEstimator();
                _meanKnown = estimator.Mean(start, _mean) > 0;
            }

            decoder.Reset();
            if (_meanKnown && !decoder.TrySetCepstralMean(_mean))
            {
                throw new InvalidOperationException("the cepstral mean of this pocketsphinx build cannot be set");
            }

            decoder.StartUtterance();
        });

        public void Feed(short[] samples) => Enqueue(() =>
        {
            decoder.Process(samples, wholeUtterance: false);

            // Mid-utterance this is a backtrace from the last frame (the best-path search runs only at the end): cheap.
            _hypothesis = decoder.Hypothesis();
        });

        public Task<string?> Finish(short[] rest, int length)
        {
            var started = timeProvider.GetTimestamp();
            var done = _work.ContinueWith<string?>(
                _ =>
                {
                    if (_broken)
                    {
                        return null;
                    }

                    try
                    {
                        decoder.Process(rest, wholeUtterance: false);
                        decoder.EndUtterance();
                        var text = decoder.Hypothesis();
                        Log.IncrementalPassFinished(logger, length / 16.0, timeProvider.GetElapsedTime(started).TotalMilliseconds, text);
                        return text;
                    }
                    catch (InvalidOperationException ex)
                    {
                        _broken = true;
                        Log.IncrementalPassFailed(logger, ex);
                        return null;
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            _work = done;
            return done;
        }

        public void Return(DecoderPool pool) =>
            _work.ContinueWith(_ => pool.Return(decoder), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        private void Enqueue(Action work) =>
            _work = _work.ContinueWith(
                _ =>
                {
                    if (_broken)
                    {
                        return;
                    }

                    try
                    {
                        work();
                    }
                    catch (InvalidOperationException ex)
                    {
                        _broken = true;
                        Log.IncrementalPassFailed(logger, ex);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
    }
}
