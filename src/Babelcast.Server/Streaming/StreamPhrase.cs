namespace Babelcast.Server.Streaming;

/// <summary>One phrase's MP3 frames, ready to be appended to a stream (no Info frame), and how long they play.</summary>
internal sealed record StreamPhrase(ReadOnlyMemory<byte> Frames, Mp3Format Format, double Seconds)
{
    /// <summary>The phrase's audio frames; null if <paramref name="mp3"/> holds none.</summary>
    public static StreamPhrase? From(ReadOnlyMemory<byte> mp3)
    {
        var frames = Mp3Frames.Split(mp3.Span, out var format);
        if (format is null || frames.Count == 0)
        {
            return null;
        }

        // Frames of another format (a stray frame) would not concatenate; only the first frame's format is kept.
        var kept = frames.Where(f => Mp3Frames.TryReadHeader(mp3.Span, f.Offset, out var h, out _) && h == format).ToList();
        var (first, last) = (kept[0], kept[^1]);
        ReadOnlyMemory<byte> bytes;
        if (last.Offset + last.Length - first.Offset == kept.Sum(f => f.Length))
        {
            bytes = mp3.Slice(first.Offset, last.Offset + last.Length - first.Offset); // contiguous: no copy
        }
        else
        {
            var copy = new byte[kept.Sum(f => f.Length)];
            var at = 0;
            foreach (var (offset, length) in kept)
            {
                mp3.Span.Slice(offset, length).CopyTo(copy.AsSpan(at));
                at += length;
            }

            bytes = copy;
        }

        return new StreamPhrase(bytes, format, kept.Count * format.FrameSeconds);
    }
}
