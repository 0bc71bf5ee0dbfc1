using System.Diagnostics;

namespace Babelcast.Server.Tests.Streaming;

/// <summary>Reads an MP3 stream response in the background, keeping every byte and when the first and last ones came.</summary>
internal sealed class StreamCapture : IAsyncDisposable
{
    private readonly MemoryStream _bytes = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Timestamp, int Length)> _reads = [];

    private StreamCapture(HttpResponseMessage response)
    {
        Response = response;
        Reading = ReadAsync();
    }

    public HttpResponseMessage Response { get; }

    /// <summary>Completes with true when the server ended the response normally, false when it was cut off.</summary>
    public Task<bool> Reading { get; }

    public long FirstByteTimestamp { get; private set; }

    public long LastByteTimestamp { get; private set; }

    public static async Task<StreamCapture> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        return new StreamCapture(response);
    }

    public byte[] Bytes()
    {
        lock (_gate)
        {
            return _bytes.ToArray();
        }
    }

    public IReadOnlyList<(long Timestamp, int Length)> Reads()
    {
        lock (_gate)
        {
            return [.. _reads];
        }
    }

    /// <summary>The first read at or after <paramref name="timestamp"/>: when it came and how many bytes there were by then.</summary>
    public (long Timestamp, int Length) ReadAtOrAfter(long timestamp)
    {
        lock (_gate)
        {
            return _reads.First(r => r.Timestamp >= timestamp);
        }
    }

    public int Length
    {
        get
        {
            lock (_gate)
            {
                return (int)_bytes.Length;
            }
        }
    }

    private async Task<bool> ReadAsync()
    {
        var buffer = new byte[4096];
        try
        {
            await using var body = await Response.Content.ReadAsStreamAsync(_stop.Token);
            while (true)
            {
                var n = await body.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    return true;
                }

                lock (_gate)
                {
                    _bytes.Write(buffer.AsSpan(0, n));
                    LastByteTimestamp = Stopwatch.GetTimestamp();
                    _reads.Add((LastByteTimestamp, (int)_bytes.Length));
                    if (FirstByteTimestamp == 0)
                    {
                        FirstByteTimestamp = LastByteTimestamp;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Reading;
        Response.Dispose();
        _stop.Dispose();
    }
}
