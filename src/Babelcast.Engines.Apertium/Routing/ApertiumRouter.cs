namespace Babelcast.Engines.Apertium.Routing;

/// <summary>Chooses the modes that carry a text from one language to another: the direct pair,
/// else one explicit pivot from the preference list (never the apertium-apy chooser, whose pick varies).</summary>
internal sealed class ApertiumRouter
{
    private readonly IReadOnlyDictionary<string, ApertiumMode> _modes;
    private readonly IReadOnlyList<string> _pivots;

    public ApertiumRouter(IReadOnlyDictionary<string, ApertiumMode> modes, IReadOnlyList<string> pivots)
    {
        _modes = modes;
        _pivots = pivots;
    }

    public IReadOnlyCollection<ApertiumMode> Modes => _modes.Values.ToList();

    public IReadOnlyList<ApertiumMode>? FindRoute(string source, string target)
    {
        if (_modes.TryGetValue(ModeCatalog.Key(source, target), out var direct))
        {
            return [direct];
        }

        foreach (var pivot in _pivots)
        {
            if (pivot != source && pivot != target
                && _modes.TryGetValue(ModeCatalog.Key(source, pivot), out var first)
                && _modes.TryGetValue(ModeCatalog.Key(pivot, target), out var second))
            {
                return [first, second];
            }
        }

        return null;
    }

    public IReadOnlyCollection<string> GetTargets(string source)
    {
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var mode in _modes.Values.Where(m => m.Source == source))
        {
            targets.Add(mode.Target);
            if (_pivots.Contains(mode.Target))
            {
                targets.UnionWith(_modes.Values.Where(m => m.Source == mode.Target && m.Target != source).Select(m => m.Target));
            }
        }

        return targets;
    }
}
