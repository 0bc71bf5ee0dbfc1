namespace Babelcast.Core.Glossaries;

/// <summary>The compiled glossary of each live session, as the pipeline reads it at the start of every phrase.</summary>
public interface ISessionGlossaries
{
    /// <summary>The session's glossary (<see cref="SessionGlossary.Empty"/> when it has none or the store cannot answer).</summary>
    ValueTask<SessionGlossary> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Forgets what is cached, so that the next phrase of every session reads its glossaries again.</summary>
    void Invalidate();
}
