using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using global::Whisper.net;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// Whisper.net over one loaded model, shared by every session: the model is loaded once, each decode runs on a
/// whisper state (<see cref="WhisperProcessor"/>) rented from a pool keyed by its settings (language, pass, prompt),
/// so concurrent decodes never share a state and a session's prompt does not rebuild a state per phrase. The
/// <see cref="DecodeGate"/> in front bounds how many run at once, and so how many states are in use.
/// </summary>
internal sealed class WhisperNetDecoder : IWhisperDecoder, IDisposable
{
    private const int MaxIdlePerKey = 2;

    private readonly string _path;
    private readonly WhisperOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<WhisperFactory> _model;
    private readonly ConcurrentDictionary<DecodeRequest, ConcurrentBag<WhisperProcessor>> _idle = new();
    private readonly object _lifetime = new();
    private int _active;
    private bool _disposed;

    public WhisperNetDecoder(string path, WhisperOptions options, ILogger logger)
    {
        _path = path;
        _options = options;
        _logger = logger;
        _model = new Lazy<WhisperFactory>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool Loaded => _model.IsValueCreated;

    /// <summary>Loads the model (once); later calls return at once.</summary>
    public void EnsureLoaded() => _ = _model.Value;

    public async ValueTask<IReadOnlyList<string>> DecodeAsync(ReadOnlyMemory<float> audio, DecodeRequest request, CancellationToken cancellationToken)
    {
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _active++;
        }

        try
        {
            return await DecodeCoreAsync(audio, request, cancellationToken);
        }
        finally
        {
            Leave();
        }
    }

    private async ValueTask<IReadOnlyList<string>> DecodeCoreAsync(ReadOnlyMemory<float> audio, DecodeRequest request, CancellationToken cancellationToken)
    {
        var processor = Rent(request);
        var returned = false;
        try
        {
            var segments = new List<string>();
            await foreach (var segment in processor.ProcessAsync(audio, cancellationToken))
            {
                segments.Add(segment.Text);
            }

            Return(request, processor);
            returned = true;
            return segments;
        }
        finally
        {
            if (!returned)
            {
                // A cancelled or failed decode may leave the state mid-way: do not hand it to another phrase.
                await processor.DisposeAsync();
            }
        }
    }

    private WhisperProcessor Rent(DecodeRequest request)
    {
        if (_idle.TryGetValue(request, out var bag) && bag.TryTake(out var processor))
        {
            return processor;
        }

        var started = Stopwatch.GetTimestamp();
        var builder = _model.Value.CreateBuilder()
            .WithLanguage(request.Language)
            .WithThreads(_options.EffectiveThreads)
            .WithNoContext()
            .WithSingleSegment();
        if (!string.IsNullOrWhiteSpace(request.Prompt))
        {
            builder = builder.WithPrompt(request.Prompt);
        }

        builder = request.Pass switch
        {
            DecodePass.Accurate when _options.BeamSize > 1 => builder.WithBeamSearchSamplingStrategy(b => b.WithBeamSize(_options.BeamSize)),
            DecodePass.Accurate => builder,
            _ => builder.WithTemperatureInc(0),
        };
        var built = builder.Build();
        Log.StateCreated(_logger, request.Pass, request.Language, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return built;
    }

    private void Return(DecodeRequest request, WhisperProcessor processor)
    {
        var bag = _idle.GetOrAdd(request, _ => []);
        if (_disposed || bag.Count >= MaxIdlePerKey || _idle.Count > 4 * _options.MaxConcurrentDecodes + 4)
        {
            processor.Dispose();
            return;
        }

        bag.Add(processor);
    }

    private WhisperFactory Load()
    {
        var started = Stopwatch.GetTimestamp();
        var factory = WhisperFactory.FromPath(_path);
        try
        {
            // Whisper.net reads the file only when the first state is built: build one now, so that a model
            // whisper.cpp rejects fails here (at warm-up) and no phrase pays for the load.
            factory.CreateBuilder().Build().Dispose();
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        Log.ModelLoaded(_logger, _path, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return factory;
    }

    /// <summary>
    /// Frees the idle states now and the model once the last decode in flight has finished (a session's partial may
    /// still run while the host stops): native memory is never freed under a running decode.
    /// </summary>
    public void Dispose()
    {
        lock (_lifetime)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_active > 0)
            {
                return;
            }
        }

        Free();
    }

    private void Leave()
    {
        lock (_lifetime)
        {
            if (--_active > 0 || !_disposed)
            {
                return;
            }
        }

        Free();
    }

    private void Free()
    {
        foreach (var bag in _idle.Values)
        {
            while (bag.TryTake(out var processor))
            {
                processor.Dispose();
            }
        }

        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
