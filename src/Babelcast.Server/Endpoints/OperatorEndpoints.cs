using Babelcast.Core.Broadcasting;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Sessions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// A session's co-operators (owner only): other local accounts the owner invites to type, correct, hold and send
/// prepared text and Scripture beside them. Revoking closes the co-operator's live control connections at once.
/// </summary>
internal static class OperatorEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{id}/operators");
        group.MapGet("", ListAsync);
        group.MapPut("/{username}", InviteAsync);
        group.MapDelete("/{username}", RevokeAsync);
    }

    private static async Task<IResult> ListAsync(
        string id, HttpContext context, ISessionStore store, IOperatorStore operators, IOptions<CoOperatorOptions> options, CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindOwnedAsync(id, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var list = await operators.ListBySessionAsync(session!.Id, cancellationToken);
        return TypedResults.Ok(new OperatorList([.. list.Select(OperatorView.From)], options.Value.MaxPerSession));
    }

    private static async Task<IResult> InviteAsync(
        string id, string username, HttpContext context, ISessionStore store, IUserStore users, IOperatorStore operators,
        IOptions<CoOperatorOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindOwnedAsync(id, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var logger = loggers.CreateLogger(typeof(OperatorEndpoints));
        var refusal = await CheckInviteeAsync(session!, username, users, cancellationToken);
        if (refusal is not null)
        {
            HttpLog.OperatorInviteRefused(logger, session!.Id, refusal.Value.Code);
            return Problems.Create(refusal.Value.Status, refusal.Value.Code, refusal.Value.Message);
        }

        var max = options.Value.MaxPerSession;
        var invited = await operators.InviteAsync(new OperatorRecord(session!.Id, username, time.GetUtcNow()), max, cancellationToken);
        if (invited == OperatorInvite.LimitReached)
        {
            HttpLog.OperatorInviteRefused(logger, session.Id, ErrorCodes.OperatorLimitReached);
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.OperatorLimitReached, $"A session may have at most {max} co-operators.");
        }

        var record = (await operators.ListBySessionAsync(session.Id, cancellationToken)).FirstOrDefault(o => o.UserId == username);
        if (record is null)
        {
            // Revoked by another request in between: report what the store holds now.
            return Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.OperatorNotFound, $"'{username}' is not a co-operator of session '{session.Id}'.");
        }

        if (invited == OperatorInvite.AlreadyInvited)
        {
            return TypedResults.Ok(OperatorView.From(record));
        }

        HttpLog.OperatorInvited(logger, session.Id, username);
        return TypedResults.Created($"/api/sessions/{session.Id}/operators/{username}", OperatorView.From(record));
    }

    private static async Task<IResult> RevokeAsync(
        string id, string username, HttpContext context, ISessionStore store, IOperatorStore operators, IBroadcaster broadcaster,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindOwnedAsync(id, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (Credentials.ValidateUsername(username) is not null || !await operators.RevokeAsync(session!.Id, username, cancellationToken))
        {
            return Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.OperatorNotFound, $"'{Shorten(username)}' is not a co-operator of session '{id}'.");
        }

        // Every node closes this user's control connections of the session; a node that missed the message still
        // refuses the next change, which checks the store.
        broadcaster.RevokeOperator(session.Id, username,
            ConnectionMessages.Error(ErrorCodes.OperatorRevoked, "The session's owner no longer invites this account as a co-operator."));
        HttpLog.OperatorRevoked(loggers.CreateLogger(typeof(OperatorEndpoints)), session.Id, username);
        return TypedResults.NoContent();
    }

    private static async Task<(int Status, string Code, string Message)?> CheckInviteeAsync(
        SessionRecord session, string username, IUserStore users, CancellationToken cancellationToken)
    {
        if (Credentials.ValidateUsername(username) is { } invalid)
        {
            return (StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, invalid);
        }

        if (session.Status == SessionStatus.Ended)
        {
            return (StatusCodes.Status409Conflict, ErrorCodes.SessionEnded, $"Session '{session.Id}' has ended; nobody can be invited to it.");
        }

        if (string.Equals(session.OwnerId, username, StringComparison.Ordinal))
        {
            return (StatusCodes.Status400BadRequest, ErrorCodes.CannotInviteSelf, "The owner operates the session already; invite another account.");
        }

        // Disabled accounts are answered as unknown ones: the owner learns no more about other accounts than it needs.
        return await users.FindAsync(username, cancellationToken) is { Disabled: false }
            ? null
            : (StatusCodes.Status404NotFound, ErrorCodes.UserNotFound, $"No account '{username}' can be invited; ask the server's administrator to create it.");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
