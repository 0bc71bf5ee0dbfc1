namespace Babelcast.Server.Tests.Cluster;

/// <summary>The nodes of one test's deployment, killed and cleaned up together; their output is printed when a test fails.</summary>
internal sealed class NodeSet : IAsyncDisposable
{
    private readonly Dictionary<string, NodeProcess> _nodes = new(StringComparer.Ordinal);

    public NodeProcess this[string name] => _nodes[name];

    public IEnumerable<NodeProcess> All => _nodes.Values;

    /// <summary>Starts the nodes together and waits until each answers; all of them are kept, so that all are cleaned up.</summary>
    public async Task StartAsync(Deployment deployment, params (string Name, string Role)[] nodes)
    {
        var starting = nodes.Select(n => deployment.StartNodeAsync(n.Name, n.Role)).ToList();
        List<Exception> failures = [];
        foreach (var start in starting)
        {
            try
            {
                var node = await start;
                _nodes[node.Name] = node;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }

    public string Outputs => string.Join('\n', _nodes.Values.Select(n => $"--- {n.Name} ---\n{n.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Values)
        {
            await node.DisposeAsync();
        }
    }
}
