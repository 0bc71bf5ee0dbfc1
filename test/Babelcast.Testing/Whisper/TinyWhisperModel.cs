using System.Text;

namespace Babelcast.Testing.Whisper;

/// <summary>
/// Writes a tiny but loadable Whisper model in whisper.cpp's legacy ggml file format (what Whisper.net 1.9.1's bundled
/// whisper.cpp 1.8.5 reads): magic, hyper-parameters, mel filters, vocabulary, then every tensor the loader expects
/// (names and shapes as its model builder creates them), F16 matrices and F32 vectors as in the official files, small seeded random weights. It decodes
/// nonsense, fast: tests use it for loading, threading, timing and gating, never for accuracy. The vocabulary size is
/// a real one (51865, multilingual) because whisper.cpp derives its special token ids from it.
/// </summary>
public static class TinyWhisperModel
{
    public const uint Magic = 0x67676d6c;
    public const int VocabularySize = 51865;
    public const int TextTokens = 50257;
    public const int AudioContext = 64;
    public const int State = 64;
    public const int Heads = 2;
    public const int Layers = 1;
    public const int TextContext = 64;
    public const int Mels = 80;
    public const int FftBins = 201;
    public const int BlankToken = 220;

    /// <summary>Writes the model to <paramref name="path"/> and returns its length in bytes.</summary>
    public static long Write(string path, int seed = 14)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var random = new Random(seed);
        writer.Write(Magic);
        foreach (var value in new[] { VocabularySize, AudioContext, State, Heads, Layers, TextContext, State, Heads, Layers, Mels, 1 })
        {
            writer.Write(value);
        }

        writer.Write(Mels);
        writer.Write(FftBins);
        for (var i = 0; i < Mels * FftBins; i++)
        {
            // A band of bins per filter, as a real filter bank has; any positive weights make a spectrogram.
            var bin = i % FftBins;
            var mel = i / FftBins;
            writer.Write(bin / 2 == mel ? 0.02f : 0f);
        }

        writer.Write(TextTokens);
        for (var i = 0; i < TextTokens; i++)
        {
            // whisper.cpp looks the blank token up by its text (id 220 in the GPT-2 vocabulary) to suppress it.
            var word = Encoding.UTF8.GetBytes(i == BlankToken ? " " : " w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write((uint)word.Length);
            writer.Write(word);
        }

        foreach (var (name, shape) in Tensors())
        {
            WriteTensor(writer, random, name, shape);
        }

        writer.Flush();
        return stream.Length;
    }

    /// <summary>Every tensor whisper.cpp's loader expects of this model, with its shape (ne0, ne1, ...).</summary>
    public static IEnumerable<(string Name, int[] Shape)> Tensors()
    {
        yield return ("encoder.positional_embedding", [State, AudioContext]);
        yield return ("encoder.conv1.weight", [3, Mels, State]);
        yield return ("encoder.conv1.bias", [1, State]);
        yield return ("encoder.conv2.weight", [3, State, State]);
        yield return ("encoder.conv2.bias", [1, State]);
        yield return ("encoder.ln_post.weight", [State]);
        yield return ("encoder.ln_post.bias", [State]);
        for (var layer = 0; layer < Layers; layer++)
        {
            foreach (var tensor in Block($"encoder.blocks.{layer}.", cross: false))
            {
                yield return tensor;
            }
        }

        yield return ("decoder.positional_embedding", [State, TextContext]);
        yield return ("decoder.token_embedding.weight", [State, VocabularySize]);
        yield return ("decoder.ln.weight", [State]);
        yield return ("decoder.ln.bias", [State]);
        for (var layer = 0; layer < Layers; layer++)
        {
            foreach (var tensor in Block($"decoder.blocks.{layer}.", cross: true))
            {
                yield return tensor;
            }
        }
    }

    private static IEnumerable<(string Name, int[] Shape)> Block(string prefix, bool cross)
    {
        yield return (prefix + "mlp_ln.weight", [State]);
        yield return (prefix + "mlp_ln.bias", [State]);
        yield return (prefix + "mlp.0.weight", [State, 4 * State]);
        yield return (prefix + "mlp.0.bias", [4 * State]);
        yield return (prefix + "mlp.2.weight", [4 * State, State]);
        yield return (prefix + "mlp.2.bias", [State]);
        foreach (var attention in cross ? new[] { "attn", "cross_attn" } : ["attn"])
        {
            yield return (prefix + attention + "_ln.weight", [State]);
            yield return (prefix + attention + "_ln.bias", [State]);
            yield return (prefix + attention + ".query.weight", [State, State]);
            yield return (prefix + attention + ".query.bias", [State]);
            yield return (prefix + attention + ".key.weight", [State, State]);
            yield return (prefix + attention + ".value.weight", [State, State]);
            yield return (prefix + attention + ".value.bias", [State]);
            yield return (prefix + attention + ".out.weight", [State, State]);
            yield return (prefix + attention + ".out.bias", [State]);
        }
    }

    private static void WriteTensor(BinaryWriter writer, Random random, string name, int[] shape)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        writer.Write(shape.Length);
        writer.Write(nameBytes.Length);
        // As ftype 1 (mostly F16) lays a model out: matrices and convolution kernels F16, everything else F32.
        var half = name.EndsWith(".weight", StringComparison.Ordinal) && shape.Length >= 2;
        writer.Write(half ? 1 : 0); // GGML_TYPE_F16 : GGML_TYPE_F32
        foreach (var dimension in shape)
        {
            writer.Write(dimension);
        }

        writer.Write(nameBytes);
        var count = shape.Aggregate(1, (a, b) => a * b);
        var isNormWeight = name.EndsWith("ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var value = isNormWeight ? 1f : (float)((random.NextDouble() - 0.5) * 0.2);
            if (half)
            {
                writer.Write((Half)value);
            }
            else
            {
                writer.Write(value);
            }
        }
    }
}
