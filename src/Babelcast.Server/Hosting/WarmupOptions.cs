namespace Babelcast.Server.Hosting;

/// <summary>
/// <c>Babelcast:Warmup</c>: the listener languages a node keeps ready for every source language, so that a session's
/// first phrase pays for no engine load even when its listeners join the moment the speaker starts. Apertium's
/// English-to-French chain (through Catalan) takes about 2 s of CPU to load on this machine, longer than a first phrase.
/// </summary>
public sealed class WarmupOptions
{
    public const string Section = "Babelcast:Warmup";

    /// <summary>Every target language a source can be translated into.</summary>
    public const string All = "*";

    /// <summary>No language beyond the one phrase that compiles the stages at start-up.</summary>
    public const string None = "none";

    /// <summary>
    /// <see cref="All"/>, <see cref="None"/>, or target codes separated by commas (<c>es,fr,pt</c>): readied during the
    /// start-up warm-up (<c>warmup</c> on <c>/healthz</c> stays degraded until they are) and kept ready afterwards.
    /// </summary>
    public string Languages { get; set; } = All;

    /// <summary>How often the kept languages run one tiny phrase again: below the engines' idle stop (Apertium's is 10 minutes).</summary>
    public TimeSpan KeepWarmInterval { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>The configured codes, or null for <see cref="All"/>; empty for <see cref="None"/>.</summary>
    public IReadOnlyList<string>? Codes()
    {
        var value = Languages.Trim();
        if (value == All)
        {
            return null;
        }

        return value.Length == 0 || string.Equals(value, None, StringComparison.OrdinalIgnoreCase)
            ? []
            : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
