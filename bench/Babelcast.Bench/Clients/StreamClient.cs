using System.Diagnostics;

namespace Babelcast.Bench.Clients;

/// <summary>
/// One MP3 stream listener (<c>/api/sessions/{id}/stream/{lang}.mp3</c>). It counts bytes; a measuring client also walks
/// the frames as they arrive and records where each run of non-silent frames (a phrase) starts: the Stopwatch time its
/// first byte arrived and its position in the stream. The server's silent frames are a header and zeros, so no decoder
/// is needed to tell them from speech.
/// </summary>
public sealed class StreamClient : IAsyncDisposable
{
    private static readonly int[] Mpeg1Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

    private readonly HttpClient _http;
    private readonly bool _measure;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Timestamp, double Position)> _phrases = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;
    private byte[] _pending = [];
    private double _position;
    private bool _inPhrase;

    private StreamClient(HttpClient http, Uri uri, bool measure)
    {
        _http = http;
        _measure = measure;
        _reading = ReadAsync(uri);
    }

    public long Bytes { get; private set; }

    public long FirstByteTimestamp { get; private set; }

    public long LastByteTimestamp { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Seconds of audio received (measuring clients only).</summary>
    public double Position => _position;

    public static StreamClient Start(HttpClient http, Uri baseUri, string sessionId, string language, bool measure) =>
        new(http, new Uri(baseUri, $"/api/sessions/{sessionId}/stream/{language}.mp3"), measure);

    public IReadOnlyList<(long Timestamp, double Position)> Phrases()
    {
        lock (_gate)
        {
            return [.. _phrases];
        }
    }

    private async Task ReadAsync(Uri uri)
    {
        var buffer = new byte[16384];
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
            int n;
            while ((n = await body.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var now = Stopwatch.GetTimestamp();
                FirstByteTimestamp = FirstByteTimestamp == 0 ? now : FirstByteTimestamp;
                LastByteTimestamp = now;
                Bytes += n;
                if (_measure)
                {
                    Walk(buffer.AsSpan(0, n), now);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            Failed = !_stop.IsCancellationRequested;
        }
    }

    private void Walk(ReadOnlySpan<byte> received, long now)
    {
        var data = _pending.Length == 0 ? received.ToArray() : [.. _pending, .. received];
        var offset = 0;
        while (offset + 4 <= data.Length)
        {
            if (data[offset] != 0xFF || (data[offset + 1] & 0xE0) != 0xE0)
            {
                offset++;
                continue;
            }

            var version = (data[offset + 1] >> 3) & 3;
            var rate = new[] { 44100, 48000, 32000, 0 }[(data[offset + 2] >> 2) & 3] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
            var kbps = (version == 3 ? Mpeg1Kbps : Mpeg2Kbps)[Math.Min(14, data[offset + 2] >> 4)];
            var samples = version == 3 ? 1152 : 576;
            if (rate == 0 || kbps == 0)
            {
                offset++;
                continue;
            }

            var length = (samples / 8 * kbps * 1000 / rate) + ((data[offset + 2] >> 1) & 1);
            if (offset + length > data.Length)
            {
                break;
            }

            var silent = !data.AsSpan(offset + 4, length - 4).ContainsAnyExcept((byte)0);
            if (!silent && !_inPhrase)
            {
                lock (_gate)
                {
                    _phrases.Add((now, _position));
                }
            }

            _inPhrase = !silent;
            _position += samples / (double)rate;
            offset += length;
        }

        _pending = data[offset..];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
