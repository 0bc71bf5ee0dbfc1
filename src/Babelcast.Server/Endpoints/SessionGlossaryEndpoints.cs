using Babelcast.Core.Glossaries;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Endpoints;

/// <summary>Which of the owner's glossaries a session uses: read and set by the session's owner.</summary>
internal static class SessionGlossaryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sessions/{id}/glossaries", GetAsync);
        app.MapPut("/api/sessions/{id}/glossaries", SetAsync);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ISessionStore sessions, IGlossaryStore store, CancellationToken cancellationToken)
    {
        var (_, error) = await SessionAccess.FindOwnedAsync(id, context, sessions, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var used = await store.GetSessionGlossariesAsync(id, cancellationToken);
        return TypedResults.Ok(new SessionGlossariesBody(used.Select(g => (string?)g.Id).ToArray()));
    }

    private static async Task<IResult> SetAsync(
        string id, HttpContext context, ISessionStore sessions, IGlossaryStore store, ISessionGlossaries cache, IOptions<GlossaryOptions> options,
        CancellationToken cancellationToken)
    {
        var (session, error) = await SessionAccess.FindOwnedAsync(id, context, sessions, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (session!.Status == SessionStatus.Ended)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.SessionEnded, $"Session '{id}' has ended.");
        }

        var (request, bodyError) = await JsonBody.ReadAsync<SessionGlossariesBody>(context.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (request!.GlossaryIds is not { } ids || ids.Any(i => i is null))
        {
            return JsonBody.Invalid("glossaryIds must be an array of glossary ids.");
        }

        var distinct = ids.Distinct(StringComparer.Ordinal).Select(i => i!).ToList();
        if (distinct.Count > options.Value.MaxGlossariesPerSession)
        {
            return GlossaryEndpoints.Refuse(new GlossaryProblem(ErrorCodes.GlossaryTooLarge,
                $"A session uses at most {options.Value.MaxGlossariesPerSession} glossaries."));
        }

        foreach (var glossaryId in distinct)
        {
            // Only the speaker's own glossaries: someone else's would leak its terms into this session's captions.
            var (_, notOwned) = await GlossaryEndpoints.FindOwnedAsync(glossaryId, context, store, cancellationToken);
            if (notOwned is not null)
            {
                return notOwned;
            }
        }

        await store.SetSessionGlossariesAsync(id, distinct, cancellationToken);
        cache.Invalidate();
        return TypedResults.Ok(new SessionGlossariesBody(distinct.Select(i => (string?)i).ToArray()));
    }
}
