using System.Buffers.Binary;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// Reads a ggml Whisper model's structure (header, mel filters, vocabulary, every tensor's header) without loading
/// its weights, so that a missing, truncated or foreign file is reported by name and cause before whisper.cpp sees it
/// (whose own message is a bare load failure).
/// </summary>
internal static class ModelFileCheck
{
    public const uint GgmlMagic = 0x67676d6c;
    private const uint GgufMagic = 0x46554747; // "GGUF" read little-endian
    private const int EnglishOnlyVocabulary = 51864;

    /// <summary>What is wrong with the file at <paramref name="path"/>, or null with its <paramref name="info"/>.</summary>
    public static string? Problem(string path, out ModelFileInfo info)
    {
        info = default;
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? $"model file '{path}' is a directory" : $"model file '{path}' does not exist";
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream);
            return Walk(path, stream, reader, out info);
        }
        catch (EndOfStreamException)
        {
            return $"model file '{path}' is truncated: it ends inside its header or vocabulary";
        }
        catch (IOException e)
        {
            return $"model file '{path}' cannot be read: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"model file '{path}' cannot be read: {e.Message}";
        }
    }

    private static string? Walk(string path, FileStream stream, BinaryReader reader, out ModelFileInfo info)
    {
        info = default;
        var length = stream.Length;
        if (length < 4)
        {
            return $"model file '{path}' is truncated ({length} bytes): not a ggml Whisper model";
        }

        var magic = reader.ReadUInt32();
        if (magic == GgufMagic)
        {
            return $"model file '{path}' is a GGUF file, not a ggml Whisper model (whisper.cpp's ggml-*.bin format, magic 0x67676d6c)";
        }

        if (magic != GgmlMagic)
        {
            return $"model file '{path}' is not a ggml Whisper model (magic 0x{magic:x8}, expected 0x{GgmlMagic:x8})";
        }

        var h = new int[11];
        for (var i = 0; i < h.Length; i++)
        {
            h[i] = reader.ReadInt32();
        }

        var (vocabulary, audioLayers, textLayers, mels, ftype) = (h[0], h[4], h[8], h[9], h[10] % 1000);
        if (vocabulary < EnglishOnlyVocabulary || vocabulary > 60_000 || h[1] <= 0 || h[2] <= 0 || h[3] <= 0 || audioLayers <= 0
            || h[5] <= 0 || h[6] <= 0 || h[7] <= 0 || textLayers <= 0 || mels is not (80 or 128) || ftype is < 0 or > 20)
        {
            return $"model file '{path}' has implausible hyper-parameters (n_vocab {vocabulary}, n_mels {mels}, layers {audioLayers}/{textLayers}, ftype {ftype}): not a Whisper model";
        }

        var filterMels = reader.ReadInt32();
        var filterBins = reader.ReadInt32();
        if (filterMels != mels || filterBins is <= 0 or > 4096)
        {
            return $"model file '{path}' has a malformed mel filter bank ({filterMels} x {filterBins})";
        }

        Skip(stream, (long)filterMels * filterBins * 4);
        var words = reader.ReadInt32();
        if (words < 0 || words > vocabulary)
        {
            return $"model file '{path}' has a malformed vocabulary ({words} words)";
        }

        for (var i = 0; i < words; i++)
        {
            Skip(stream, reader.ReadUInt32());
        }

        var expected = 11 + (15 * audioLayers) + (24 * textLayers);
        var tensors = 0;
        Span<byte> header = stackalloc byte[12];
        while (stream.Position < length)
        {
            if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
            {
                return Truncated(path, tensors, expected);
            }

            var dims = BinaryPrimitives.ReadInt32LittleEndian(header);
            var nameLength = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            var type = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            if (dims is < 1 or > 4 || nameLength is < 1 or > 256 || !GgmlTypes.TryRowBytes(type, out _))
            {
                return $"model file '{path}' is corrupt: tensor {tensors + 1} has a malformed header";
            }

            long elements = 1;
            long rowElements = 0;
            for (var d = 0; d < dims; d++)
            {
                var ne = reader.ReadInt32();
                rowElements = d == 0 ? ne : rowElements;
                elements *= ne;
            }

            Skip(stream, nameLength);
            GgmlTypes.TryRowBytes(type, out var bytesPerBlock);
            var data = elements / GgmlTypes.BlockSize(type) * bytesPerBlock;
            if (stream.Position + data > length)
            {
                return Truncated(path, tensors, expected);
            }

            stream.Seek(data, SeekOrigin.Current);
            tensors++;
        }

        if (tensors != expected)
        {
            return Truncated(path, tensors, expected);
        }

        info = new ModelFileInfo(vocabulary >= EnglishOnlyVocabulary + 1, audioLayers, length);
        return null;
    }

    private static string Truncated(string path, int tensors, int expected) =>
        $"model file '{path}' is truncated or incomplete: {tensors} of its {expected} tensors are whole (an interrupted download? `babelcast models verify`)";

    private static void Skip(FileStream stream, long bytes)
    {
        if (bytes < 0 || stream.Position + bytes > stream.Length)
        {
            throw new EndOfStreamException();
        }

        stream.Seek(bytes, SeekOrigin.Current);
    }
}
