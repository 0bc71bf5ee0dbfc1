namespace Babelcast.Core.Glossaries;

/// <summary>No session has a glossary (for hosts and tests without a glossary store).</summary>
public sealed class NoSessionGlossaries : ISessionGlossaries
{
    public static readonly NoSessionGlossaries Instance = new();

    public ValueTask<SessionGlossary> GetAsync(string sessionId, CancellationToken cancellationToken) => ValueTask.FromResult(SessionGlossary.Empty);

    public void Invalidate()
    {
    }
}
