using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Babelcast.Core.Glossaries;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx.Glossaries;

/// <summary>
/// Compiles session glossaries for the decoders, once per recognition key (terms and "sounds like" spellings), and
/// keeps the compiled form while any session may use it. Pronunciations come from espeak-ng (one process per
/// glossary, every word in one run); the glossary model is an ARPA file in a private temporary directory.
/// </summary>
internal sealed class GlossaryCompiler(string espeakCommand, float weight, ILogger logger) : IDisposable
{
    private const int MaxCompiled = 64;

    private readonly ConcurrentDictionary<string, Lazy<DecoderGlossary?>> _compiled = new(StringComparer.Ordinal);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"babelcast-glossary-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>The compiled glossary, or null for an empty one (or one none of whose words can be recognised).</summary>
    public DecoderGlossary? Compile(SessionGlossary glossary)
    {
        if (glossary.IsEmpty)
        {
            return null;
        }

        if (_compiled.Count >= MaxCompiled && !_compiled.ContainsKey(glossary.RecognitionKey))
        {
            _compiled.Clear(); // Decoders keep what they built; only the next change of a session's glossary compiles again.
        }

        return _compiled.GetOrAdd(glossary.RecognitionKey, _ => new Lazy<DecoderGlossary?>(() => Build(glossary))).Value;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    private DecoderGlossary? Build(SessionGlossary glossary)
    {
        var started = Stopwatch.GetTimestamp();
        var words = new Dictionary<string, GlossaryWord>(StringComparer.Ordinal);
        var bigrams = new HashSet<(string, string)>();
        var spoken = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<(string Word, IReadOnlyList<string>? SoundsLike)>();
        foreach (var entry in glossary.Entries)
        {
            var termWords = DictionaryWords(entry.Term);
            var soundsWords = entry.SoundsLike is null ? [] : DictionaryWords(entry.SoundsLike);
            for (var i = 0; i < termWords.Count; i++)
            {
                // "Sounds like" pairs word for word when the counts agree; a one-word term takes all of it.
                IReadOnlyList<string>? sounds = soundsWords.Count == 0 ? null
                    : termWords.Count == 1 ? soundsWords
                    : soundsWords.Count == termWords.Count ? [soundsWords[i]]
                    : null;
                plan.Add((termWords[i], sounds));
                spoken.Add(termWords[i]);
                foreach (var s in sounds ?? [])
                {
                    spoken.Add(s);
                }

                if (i > 0)
                {
                    bigrams.Add((termWords[i - 1], termWords[i]));
                }
            }
        }

        if (plan.Count == 0)
        {
            return null;
        }

        var phones = Pronounce(spoken.ToList());
        foreach (var (word, sounds) in plan)
        {
            words.TryAdd(word, new GlossaryWord(word, sounds, phones));
        }

        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, glossary.RecognitionKey + ".arpa");
        File.WriteAllText(path, Arpa(words.Keys.ToList(), bigrams), Encoding.UTF8);
        Log.GlossaryCompiled(logger, glossary.RecognitionKey, words.Count, phones.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new DecoderGlossary(glossary.RecognitionKey, words.Values.ToList(), path, weight);
    }

    /// <summary>Lower-case words as the dictionary spells them; words with characters it cannot hold are left out.</summary>
    private static List<string> DictionaryWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '(', ')').ToLowerInvariant())
            .Where(w => w.Length > 0 && w.All(c => char.IsLetter(c) || c is '\'' or '-') && char.IsLetter(w[0]))
            .ToList();

    /// <summary>espeak-ng's American pronunciation of each word, in CMU phones; words it cannot say are missing.</summary>
    private Dictionary<string, string> Pronounce(List<string> words)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var start = new ProcessStartInfo(espeakCommand)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-q", "-v", "en-us", "-x", "--sep=_" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start");

            // One word per clause, so that each comes back on its own line.
            process.StandardInput.Write(string.Concat(words.Select(w => w + ".\n")));
            process.StandardInput.Close();
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            process.WaitForExit();
            if (lines.Length != words.Count)
            {
                Log.GlossaryPronunciationMismatch(logger, words.Count, lines.Length);
                return result;
            }

            for (var i = 0; i < words.Count; i++)
            {
                if (ESpeakPhones.ToCmu(lines[i]) is { } cmu)
                {
                    result[words[i]] = cmu;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            // Without espeak-ng only words the dictionary has are biased toward.
            Log.GlossaryPronunciationFailed(logger, ex);
        }

        return result;
    }

    /// <summary>A small back-off model: every glossary word equally likely, and each term's words likely to follow each other.</summary>
    private static string Arpa(List<string> words, HashSet<(string, string)> bigrams)
    {
        var unigram = Math.Log10(1.0 / (words.Count + 1));
        var arpa = new StringBuilder();
        arpa.Append(CultureInfo.InvariantCulture, $"\\data\\\nngram 1={words.Count + 2}\nngram 2={bigrams.Count}\n\n\\1-grams:\n");
        arpa.Append(CultureInfo.InvariantCulture, $"-99.0000 <s> -0.3010\n{unigram:F4} </s> -0.3010\n");
        foreach (var w in words)
        {
            arpa.Append(CultureInfo.InvariantCulture, $"{unigram:F4} {w} -0.3010\n");
        }

        arpa.Append("\n\\2-grams:\n");
        foreach (var (a, b) in bigrams)
        {
            arpa.Append(CultureInfo.InvariantCulture, $"-0.0969 {a} {b}\n");
        }

        return arpa.Append("\n\\end\\\n").ToString();
    }
}
