using Babelcast.Testing.Whisper;

namespace Babelcast.Engines.Whisper.Tests;

/// <summary>One generated tiny ggml model per test run, shared by the tests that load it (read-only).</summary>
public sealed class GeneratedModel : IDisposable
{
    public GeneratedModel()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "babelcast-whisper-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "ggml-tiny-generated.bin");
        Length = TinyWhisperModel.Write(Path);
    }

    public string Directory { get; }

    public string Path { get; }

    public long Length { get; }

    /// <summary>A copy of the model cut to <paramref name="length"/> bytes.</summary>
    public string Truncated(long length)
    {
        var path = System.IO.Path.Combine(Directory, $"truncated-{length}.bin");
        using (var source = File.OpenRead(Path))
        using (var target = File.Create(path))
        {
            var buffer = new byte[length];
            source.ReadExactly(buffer);
            target.Write(buffer);
        }

        return path;
    }

    /// <summary>
    /// A copy whose header and tensor table are intact but whose n_text_ctx says 32 where the tensors hold 64: only
    /// whisper.cpp's loader (comparing shapes) rejects it.
    /// </summary>
    public string Rejected()
    {
        var path = System.IO.Path.Combine(Directory, "rejected.bin");
        var bytes = File.ReadAllBytes(Path);
        BitConverter.TryWriteBytes(bytes.AsSpan(4 + (5 * 4)), 32);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class GeneratedModelCollection : ICollectionFixture<GeneratedModel>
{
    public const string Name = "generated whisper model";
}
