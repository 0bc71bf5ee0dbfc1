using System.Security.Cryptography;
using Babelcast.Core.Glossaries;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// A speaker's glossaries: create, read, replace, delete, CSV export and import. Only the owner sees or changes one.
/// Every change clears the node's cache of session glossaries, so that it applies from each session's next phrase.
/// </summary>
internal static class GlossaryEndpoints
{
    /// <summary>Glossary bodies may be larger than other requests (hundreds of entries with renderings).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/glossaries");
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        group.MapGet("/{glossaryId}", GetAsync);
        group.MapPut("/{glossaryId}", ReplaceAsync);
        group.MapDelete("/{glossaryId}", DeleteAsync);
        group.MapGet("/{glossaryId}/entries.csv", ExportAsync);
        group.MapPut("/{glossaryId}/entries.csv", ImportAsync);
        SessionGlossaryEndpoints.Map(app);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGlossaryStore store, CancellationToken cancellationToken)
    {
        if (SpeakerIdentity.UserId(context.User) is not { } userId)
        {
            return SessionAccess.Unauthorized();
        }

        var glossaries = await store.ListByOwnerAsync(userId, cancellationToken);
        return TypedResults.Ok(new GlossaryList(glossaries.Select(View).ToArray()));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IGlossaryStore store, ISessionGlossaries cache, IOptions<GlossaryOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (SpeakerIdentity.UserId(context.User) is not { } userId)
        {
            return SessionAccess.Unauthorized();
        }

        var (request, bodyError) = await JsonBody.ReadAsync<GlossaryRequest>(context.Request, MaxBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (entries, error) = Entries(request!.Name, request.Entries ?? [], options.Value);
        if (error is not null)
        {
            return error;
        }

        var owned = await store.ListByOwnerAsync(userId, cancellationToken);
        if (owned.Count >= options.Value.MaxGlossariesPerOwner)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.GlossaryLimitReached,
                $"An account keeps at most {options.Value.MaxGlossariesPerOwner} glossaries; delete one first.");
        }

        var now = time.GetUtcNow();
        var glossary = new GlossaryRecord(NewId(), userId, request.Name!.Trim(), now, now, entries!);
        if (!await store.TryCreateAsync(glossary, cancellationToken))
        {
            glossary = glossary with { Id = NewId() }; // 64 random bits: a second collision is not worth a loop.
            await store.TryCreateAsync(glossary, cancellationToken);
        }

        cache.Invalidate();
        return TypedResults.Created("/api/glossaries/" + glossary.Id, View(glossary));
    }

    private static async Task<IResult> GetAsync(string glossaryId, HttpContext context, IGlossaryStore store, CancellationToken cancellationToken)
    {
        var (glossary, error) = await FindOwnedAsync(glossaryId, context, store, cancellationToken);
        return error ?? TypedResults.Ok(View(glossary!));
    }

    private static async Task<IResult> ReplaceAsync(
        string glossaryId, HttpContext context, IGlossaryStore store, ISessionGlossaries cache, IOptions<GlossaryOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (glossary, error) = await FindOwnedAsync(glossaryId, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (request, bodyError) = await JsonBody.ReadAsync<GlossaryRequest>(context.Request, MaxBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (entries, invalid) = Entries(request!.Name ?? glossary!.Name, request.Entries ?? [], options.Value);
        return invalid ?? await SaveAsync(glossary! with { Name = (request.Name ?? glossary.Name).Trim(), Entries = entries! }, store, cache, time, cancellationToken);
    }

    private static async Task<IResult> DeleteAsync(string glossaryId, HttpContext context, IGlossaryStore store, ISessionGlossaries cache, CancellationToken cancellationToken)
    {
        var (_, error) = await FindOwnedAsync(glossaryId, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        await store.DeleteAsync(glossaryId, cancellationToken);
        cache.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ExportAsync(string glossaryId, HttpContext context, IGlossaryStore store, CancellationToken cancellationToken)
    {
        var (glossary, error) = await FindOwnedAsync(glossaryId, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"glossary-{glossary!.Id}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Text(GlossaryCsv.Write(glossary.Entries), "text/csv; charset=utf-8");
    }

    /// <summary>Replaces the entries with those of a CSV body (the name stays).</summary>
    private static async Task<IResult> ImportAsync(
        string glossaryId, HttpContext context, IGlossaryStore store, ISessionGlossaries cache, IOptions<GlossaryOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (glossary, error) = await FindOwnedAsync(glossaryId, context, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (text, bodyError) = await TextBody.ReadAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (rows, csvError) = GlossaryCsv.Read(text!, options.Value.MaxEntries);
        if (csvError is not null)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.GlossaryCsvInvalid, csvError);
        }

        var tidy = rows!.Select(GlossaryRules.Tidy).ToList();
        if (GlossaryRules.Check(glossary!.Name, tidy, options.Value) is { } problem)
        {
            return Refuse(problem);
        }

        return await SaveAsync(glossary with { Entries = tidy }, store, cache, time, cancellationToken);
    }

    private static async Task<IResult> SaveAsync(GlossaryRecord glossary, IGlossaryStore store, ISessionGlossaries cache, TimeProvider time, CancellationToken cancellationToken)
    {
        var updated = glossary with { UpdatedAt = time.GetUtcNow() };
        if (!await store.ReplaceAsync(updated, cancellationToken))
        {
            return NotFound(glossary.Id);
        }

        cache.Invalidate();
        return TypedResults.Ok(View(updated));
    }

    /// <summary>The glossary if the authenticated caller owns it; else 401, 404 or 403.</summary>
    public static async Task<(GlossaryRecord? Glossary, IResult? Error)> FindOwnedAsync(
        string glossaryId, HttpContext context, IGlossaryStore store, CancellationToken cancellationToken)
    {
        if (SpeakerIdentity.UserId(context.User) is not { } userId)
        {
            return (null, SessionAccess.Unauthorized());
        }

        var glossary = IsValidId(glossaryId) ? await store.GetAsync(glossaryId, cancellationToken) : null;
        if (glossary is null)
        {
            return (null, NotFound(glossaryId));
        }

        return string.Equals(glossary.OwnerId, userId, StringComparison.Ordinal)
            ? (glossary, null)
            : (null, Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only the glossary's owner may do this."));
    }

    public static IResult NotFound(string glossaryId) =>
        Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.GlossaryNotFound, $"No glossary '{Clip(glossaryId)}'.");

    public static IResult Refuse(GlossaryProblem problem) =>
        Problems.Create(StatusCodes.Status400BadRequest, problem.Code, problem.Message);

    private static (IReadOnlyList<GlossaryEntry>? Entries, IResult? Error) Entries(string? name, IReadOnlyList<GlossaryEntryBody?> bodies, GlossaryOptions options)
    {
        if (bodies.Count > options.MaxEntries)
        {
            return (null, Refuse(new GlossaryProblem(ErrorCodes.GlossaryTooLarge, $"A glossary holds at most {options.MaxEntries} entries; this one has {bodies.Count}.")));
        }

        var entries = new List<GlossaryEntry>(bodies.Count);
        foreach (var body in bodies)
        {
            var renderings = (body?.Renderings ?? new Dictionary<string, string?>())
                .Where(r => r.Value is not null)
                .ToDictionary(r => r.Key, r => r.Value!, StringComparer.OrdinalIgnoreCase);
            entries.Add(GlossaryRules.Tidy(new GlossaryEntry(body?.Term ?? string.Empty, body?.SoundsLike, renderings)));
        }

        return GlossaryRules.Check(name, entries, options) is { } problem ? (null, Refuse(problem)) : (entries, null);
    }

    private static GlossaryView View(GlossaryRecord g) => new(
        g.Id, g.Name, g.CreatedAt, g.UpdatedAt,
        g.Entries.Select(e => new GlossaryEntryBody(e.Term, e.SoundsLike, e.Renderings.ToDictionary(r => r.Key, r => (string?)r.Value))).ToArray());

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsValidId(string? id) => id is { Length: 16 } && id.All(char.IsAsciiHexDigitLower);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
