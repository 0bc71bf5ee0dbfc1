using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Sessions;

namespace Babelcast.Server.Endpoints;

/// <summary>The checks every session route starts with: id format, existence, and (where needed) the caller and ownership.</summary>
internal static class SessionAccess
{
    public static IResult Unauthorized() =>
        Problems.Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "A valid bearer token is required.");

    public static async Task<(SessionRecord? Session, IResult? Error)> FindAsync(string id, ISessionStore store, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsValid(id))
        {
            return (null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidSessionId,
                "Session ids look like 'adjective-noun-123'."));
        }

        var session = await store.GetAsync(id, cancellationToken);
        return session is null
            ? (null, Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.SessionNotFound, $"No session '{id}'."))
            : (session, null);
    }

    /// <summary>
    /// The session and the caller's role (<see cref="ControlRoles"/>) if the authenticated caller owns it or was invited
    /// to operate it; else 401, 400, 404 or 403.
    /// </summary>
    public static async Task<(SessionRecord? Session, string? Role, IResult? Error)> FindOperableAsync(
        string id, HttpContext context, ISessionStore store, IOperatorStore operators, CancellationToken cancellationToken)
    {
        var userId = SpeakerIdentity.UserId(context.User);
        if (userId is null)
        {
            return (null, null, Unauthorized());
        }

        var (session, error) = await FindAsync(id, store, cancellationToken);
        if (error is not null)
        {
            return (null, null, error);
        }

        if (string.Equals(session!.OwnerId, userId, StringComparison.Ordinal))
        {
            return (session, ControlRoles.Owner, null);
        }

        return await operators.IsOperatorAsync(session.Id, userId, cancellationToken)
            ? (session, ControlRoles.Operator, null)
            : (null, null, Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only the session's owner and its invited co-operators may do this."));
    }

    /// <summary>The session if the authenticated caller owns it; else 401, 400, 404 or 403.</summary>
    public static async Task<(SessionRecord? Session, IResult? Error)> FindOwnedAsync(
        string id, HttpContext context, ISessionStore store, CancellationToken cancellationToken)
    {
        var userId = SpeakerIdentity.UserId(context.User);
        if (userId is null)
        {
            return (null, Unauthorized());
        }

        var (session, error) = await FindAsync(id, store, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        return string.Equals(session!.OwnerId, userId, StringComparison.Ordinal)
            ? (session, null)
            : (null, Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only the session's owner may do this."));
    }
}
