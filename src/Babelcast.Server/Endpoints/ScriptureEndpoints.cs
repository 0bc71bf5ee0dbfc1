using System.Text.RegularExpressions;
using Babelcast.Core.Protocol;
using Babelcast.Core.Scripture;
using Babelcast.Server.Auth;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// GET /api/bibles (public, like /api/languages: which Bibles are installed) and GET /api/scripture (speakers only: an
/// uncached passage costs a diatheke process, and the operator's console is its user).
/// </summary>
internal static partial class ScriptureEndpoints
{
    public const int MaxReferenceLength = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bibles", ListAsync);
        app.MapGet("/api/scripture", GetAsync);
    }

    private static async Task<IResult> ListAsync(ScriptureService scripture, CancellationToken cancellationToken) =>
        TypedResults.Ok(new BiblesResponse(await scripture.ListBiblesAsync(cancellationToken)));

    private static async Task<IResult> GetAsync(HttpContext context, ScriptureService scripture, CancellationToken cancellationToken)
    {
        if (SpeakerIdentity.UserId(context.User) is null)
        {
            return SessionAccess.Unauthorized();
        }

        var query = context.Request.Query;
        if (query["ref"].Count != 1 || string.IsNullOrWhiteSpace(query["ref"][0]))
        {
            return JsonBody.Invalid("One 'ref' query parameter is required, e.g. ref=John 3:16.");
        }

        var text = query["ref"][0]!;
        if (text.Length > MaxReferenceLength)
        {
            return JsonBody.Invalid($"'ref' is longer than {MaxReferenceLength} characters.");
        }

        var language = query["lang"].Count == 0 ? "en" : query["lang"][0] ?? "";
        if (query["lang"].Count > 1 || !LanguageTag().IsMatch(language))
        {
            return JsonBody.Invalid("'lang' must be one language tag such as 'en' or 'pt-BR'.");
        }

        if (!ScriptureReferenceParser.TryParse(text, out var reference, out var error))
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidScriptureReference, error);
        }

        var passage = await scripture.GetPassageAsync(reference, language, cancellationToken);
        var details = new Dictionary<string, object?> { ["reference"] = ScriptureReferenceView.From(reference), ["language"] = language };
        return passage.Status switch
        {
            PassageStatus.Found => TypedResults.Ok(new ScriptureResponse(ScriptureReferenceView.From(reference), language, passage.Bible!, passage.Verses)),
            PassageStatus.NoBibleForLanguage => Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NoBibleForLanguage,
                $"No Bible is installed for '{language}'; translate the English text instead.", details),
            PassageStatus.NoText => Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.PassageNotInBible, passage.Message ?? "", details),
            _ => Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ScriptureUnavailable, passage.Message ?? "", details),
        };
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
