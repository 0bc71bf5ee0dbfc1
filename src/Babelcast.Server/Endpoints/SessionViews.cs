using Babelcast.Core.Languages;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Babelcast.Server.Venue;

namespace Babelcast.Server.Endpoints;

/// <summary>Builds <see cref="SessionView"/>s: the stored record plus live counts, target languages and the join link.</summary>
internal sealed class SessionViews(ILiveSessions live, ILanguageCatalog languages, JoinOrigins origins)
{
    public SessionView Create(SessionRecord session, HttpRequest request) =>
        Create(session, request, session.Status == SessionStatus.Ended ? LiveSessionSnapshot.Empty : live.Snapshot(session.Id));

    /// <summary>As <see cref="Create(SessionRecord, HttpRequest)"/>, with the mute another node made (cluster mode).</summary>
    public async ValueTask<SessionView> CreateAsync(SessionRecord session, HttpRequest request, CancellationToken cancellationToken) =>
        Create(session, request, session.Status == SessionStatus.Ended ? LiveSessionSnapshot.Empty : await live.SnapshotAsync(session.Id, cancellationToken));

    private SessionView Create(SessionRecord session, HttpRequest request, LiveSessionSnapshot snapshot) =>
        new(
            session.Id,
            StatusName(session.Status),
            session.SourceLanguage,
            session.QualityTier,
            snapshot.ListenerCount,
            snapshot.LanguageDistribution,
            languages.TargetsFor(session.SourceLanguage).Select(l => l.Code).ToArray(),
            snapshot.Muted,
            snapshot.Held,
            session.CreatedAt.UtcDateTime,
            session.ExpiresAt.UtcDateTime,
            session.EndedAt?.UtcDateTime,
            JoinUrl(session.Id, request));

    /// <summary>{origin}/join/{id}: the chosen origin if given, else the best of <see cref="JoinOrigins"/>.</summary>
    public string JoinUrl(string sessionId, HttpRequest request, JoinOrigin? chosen = null) =>
        (chosen ?? origins.Default(request)).Origin + "/join/" + sessionId;

    public static string StatusName(SessionStatus status) => status switch
    {
        SessionStatus.Active => "active",
        SessionStatus.Paused => "paused",
        _ => "ended",
    };
}
