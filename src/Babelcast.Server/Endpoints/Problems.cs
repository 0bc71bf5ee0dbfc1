using Babelcast.Core.Diagnostics;

namespace Babelcast.Server.Endpoints;

/// <summary>application/problem+json errors with a stable <c>code</c>; every one is counted in babelcast_errors_total.</summary>
public static class Problems
{
    /// <summary>A problem result with <c>{type, title, status, detail, code}</c> plus <paramref name="extensions"/>.</summary>
    public static IResult Create(int status, string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                all[key] = value;
            }
        }

        // 429 has no framework default type; the others get RFC 9110 links.
        var type = status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : null;
        var title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        return new CountedProblem(code, TypedResults.Problem(detail, null, status, title, type, all));
    }

    /// <summary>Counts the error as soon as it is written, whoever writes it.</summary>
    private sealed class CountedProblem(string code, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.RequestServices.GetService<BabelcastMetrics>()?.Error(code);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
