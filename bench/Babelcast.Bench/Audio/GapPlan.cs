namespace Babelcast.Bench.Audio;

/// <summary>
/// The near-silence between clips: a fixed pause, or natural gaps drawn uniformly from
/// <see cref="NaturalMin"/>-<see cref="NaturalMax"/> with a fixed seed (real speakers pause briefly, and a gap shorter
/// than the server's end-of-phrase pause merges two clips into one phrase). The gap after the last clip is always the
/// fixed pause, so that the last phrase closes as it does in a fixed run.
/// </summary>
public sealed class GapPlan
{
    public const string FixedName = "fixed";
    public const string NaturalName = "natural";
    public static readonly TimeSpan NaturalMin = TimeSpan.FromSeconds(0.3);
    public static readonly TimeSpan NaturalMax = TimeSpan.FromSeconds(1.5);

    private readonly Random? _random;

    private GapPlan(string name, TimeSpan trailing, int? seed)
    {
        Name = name;
        Trailing = trailing;
        Seed = seed;
        _random = seed is { } s ? new Random(s) : null;
    }

    public string Name { get; }

    /// <summary>The seed of natural gaps (null: fixed), printed in the reports so that a run can be repeated.</summary>
    public int? Seed { get; }

    /// <summary>The pause after the last clip (and between clips when fixed).</summary>
    public TimeSpan Trailing { get; }

    public static GapPlan Fixed(TimeSpan pause) => new(FixedName, pause, null);

    public static GapPlan Natural(int seed, TimeSpan trailing) => new(NaturalName, trailing, seed);

    public static GapPlan For(BenchOptions options) => options.Gaps == NaturalName
        ? Natural(options.GapSeed, TimeSpan.FromSeconds(options.PauseSeconds))
        : Fixed(TimeSpan.FromSeconds(options.PauseSeconds));

    /// <summary>The gap after a clip that another clip follows.</summary>
    public TimeSpan Next() => _random is null ? Trailing : NaturalMin + ((NaturalMax - NaturalMin) * _random.NextDouble());
}
