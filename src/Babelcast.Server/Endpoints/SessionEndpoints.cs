using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Capacity;
using Babelcast.Server.Hosting;
using Babelcast.Server.Sessions;

namespace Babelcast.Server.Endpoints;

/// <summary>Create, read, list, pause/resume and end sessions.</summary>
internal static class SessionEndpoints
{
    public const string EndedBySpeakerReason = "ended by speaker";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions");
        group.MapPost("", CreateAsync).RequireRateLimiting(RateLimitPolicies.SessionCreate);
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPatch("/{id}", UpdateAsync);
        group.MapDelete("/{id}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, SessionManager manager, SessionViews views, ILanguageCatalog languages, SessionCreationCapacity capacity, RecognizerWarmup warmup,
        EngineSet engines, CancellationToken cancellationToken)
    {
        var userId = SpeakerIdentity.UserId(context.User);
        if (userId is null)
        {
            return SessionAccess.Unauthorized();
        }

        if (capacity.Refusal(context) is { } full)
        {
            return full;
        }

        var (request, error) = await JsonBody.ReadAsync<CreateSessionRequest>(context.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.SourceLanguage))
        {
            return JsonBody.Invalid("sourceLanguage is required.");
        }

        var source = languages.Sources.FirstOrDefault(l => string.Equals(l.Code, request.SourceLanguage.Trim(), StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.UnsupportedLanguage,
                $"'{request.SourceLanguage}' is not a supported source language.",
                new Dictionary<string, object?> { ["supportedLanguages"] = languages.Sources.Select(l => l.Code).ToArray() });
        }

        var tier = request.QualityTier is null ? QualityTiers.Standard : QualityTiers.Normalize(request.QualityTier);
        if (tier is null)
        {
            return InvalidTier(request.QualityTier!);
        }

        if (tier == QualityTiers.Premium && engines.PremiumProblem(source.Code) is { } problem)
        {
            return PremiumUnavailable(problem);
        }

        var session = await manager.CreateAsync(userId, source.Code, tier, cancellationToken);
        if (session is null)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.SessionIdExhausted, "No free session id was found; try again.");
        }

        // A speaker may talk the moment the session exists: ready a recogniser while the page connects.
        _ = warmup.Warm(session.Id, session.SourceLanguage, "created");
        return TypedResults.Created("/api/sessions/" + session.Id, views.Create(session, context.Request));
    }

    /// <summary>The caller's own sessions, then those it was invited to operate (newest invitation first), each with its role.</summary>
    private static async Task<IResult> ListAsync(
        HttpContext context, ISessionStore store, IOperatorStore operators, SessionViews views, CancellationToken cancellationToken)
    {
        var userId = SpeakerIdentity.UserId(context.User);
        if (userId is null)
        {
            return SessionAccess.Unauthorized();
        }

        var owned = await store.ListByOwnerAsync(userId, cancellationToken);
        var list = owned.Select(s => views.Create(s, context.Request) with { Role = ControlRoles.Owner }).ToList();
        foreach (var invitation in await operators.ListByUserAsync(userId, cancellationToken))
        {
            if (await store.GetAsync(invitation.SessionId, cancellationToken) is { } shared)
            {
                list.Add(views.Create(shared, context.Request) with { Role = ControlRoles.Operator });
            }
        }

        return TypedResults.Ok(new SessionList(list));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ISessionStore store, SessionViews views, CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindAsync(id, store, cancellationToken);
        return error ?? TypedResults.Ok(await views.CreateAsync(session!, context.Request, cancellationToken));
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext context, ISessionStore store, SessionManager manager, SessionViews views, EngineSet engines, ILiveSessions live,
        CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindOwnedAsync(id, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (request, bodyError) = await JsonBody.ReadAsync<UpdateSessionRequest>(context.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var status = request!.Status is null ? null : ParseStatus(request.Status);
        if (request.Status is not null && status is null)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidStatus,
                "status must be 'active' or 'paused' (end a session with DELETE).");
        }

        string? tier = null;
        if (request.QualityTier is not null)
        {
            tier = QualityTiers.Normalize(request.QualityTier);
            if (tier is null)
            {
                return InvalidTier(request.QualityTier);
            }

            if (tier == QualityTiers.Premium && engines.PremiumProblem(session!.SourceLanguage) is { } problem)
            {
                return PremiumUnavailable(problem);
            }
        }

        if (session!.Status == SessionStatus.Ended)
        {
            return Ended(id);
        }

        // The tier first: a PATCH that also resumes must not let a phrase through on the old tier.
        var updated = session;
        if (tier is not null && tier != session.QualityTier)
        {
            updated = await manager.SetQualityTierAsync(session, tier, cancellationToken);
        }

        if (updated is { Status: not SessionStatus.Ended } && status is { } wanted)
        {
            updated = await manager.SetStatusAsync(updated, wanted, cancellationToken);
        }

        if (updated is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.SessionNotFound, $"No session '{id}'.");
        }

        if (request.Held is { } held && updated.Status != SessionStatus.Ended)
        {
            // The same path as the speaker's hold and unhold; the view below reads the flag this node just applied.
            live.SetHeld(id, held);
        }

        return updated.Status == SessionStatus.Ended ? Ended(id) : TypedResults.Ok(await views.CreateAsync(updated, context.Request, cancellationToken));
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext context, ISessionStore store, SessionManager manager, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindOwnedAsync(id, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (session!.Status != SessionStatus.Ended)
        {
            await manager.EndAsync(id, EndedBySpeakerReason, SessionChangeOrigin.Api, cancellationToken);
            HttpLog.SessionDeleted(loggers.CreateLogger(typeof(SessionEndpoints)), id);
        }

        return TypedResults.NoContent();
    }

    private static SessionStatus? ParseStatus(string value) => value.Trim().ToLowerInvariant() switch
    {
        "active" => SessionStatus.Active,
        "paused" => SessionStatus.Paused,
        _ => null,
    };

    private static IResult Ended(string id) =>
        Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.SessionEnded, $"Session '{id}' has ended; it cannot change any more.");

    // Refused rather than silently served by the standard engines: the operator asked for something this server lacks.
    private static IResult PremiumUnavailable(string problem) =>
        Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.PremiumTierUnavailable, problem,
            new Dictionary<string, object?> { ["supportedQualityTiers"] = new[] { QualityTiers.Standard } });

    private static IResult InvalidTier(string value) =>
        Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidQualityTier,
            $"'{value}' is not a quality tier.", new Dictionary<string, object?> { ["supportedQualityTiers"] = QualityTiers.All });
}
