namespace Babelcast.Engines.PocketSphinx;

/// <summary>Builds the argv of a decoder from the options and an extra-arguments string.</summary>
internal static class DecoderArguments
{
    /// <summary>Arguments set from the path options; the extra-arguments strings may not repeat them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "-hmm", "-lm", "-dict", "-logfn" };

    public static IReadOnlyList<string> Build(PocketSphinxOptions options, string extra)
    {
        var argv = new List<string>
        {
            "-hmm", options.AcousticModelPath,
            "-lm", options.LanguageModelPath,
            "-dict", options.DictionaryPath,
        };
        argv.AddRange(Split(extra));
        return argv;
    }

    public static string[] Split(string? extra) =>
        (extra ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Returns why an extra-arguments string is invalid, or null when it is a list of "-name value" pairs.</summary>
    public static string? Problem(string? extra)
    {
        var tokens = Split(extra);
        if (tokens.Length % 2 != 0)
        {
            return "must be pairs of \"-name value\"";
        }

        for (var i = 0; i < tokens.Length; i += 2)
        {
            if (!tokens[i].StartsWith('-') || tokens[i].Length < 2)
            {
                return $"expected an argument name starting with '-' but found \"{tokens[i]}\"";
            }

            if (Reserved.Contains(tokens[i]))
            {
                return $"{tokens[i]} is set by the path options";
            }
        }

        return null;
    }
}
