using System.Net;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Odd session ids, odd query values, bad tokens and wrong roles over every route that takes them.</summary>
internal static class HttpRouteCases
{
    /// <summary>Ids that are not <c>[a-z]+-[a-z]+-[0-9]{3}</c>, already escaped for a path segment.</summary>
    public static IReadOnlyList<(string Name, string Segment)> MalformedIds(string target) =>
    [
        ("single", "x"),
        ("twoDigits", "brave-otter-12"),
        ("fourDigits", "brave-otter-1234"),
        ("upperTarget", target.ToUpperInvariant()),
        ("capitalised", "Brave-Otter-123"),
        ("underscores", "brave_otter_123"),
        ("noDigits", "brave-otter-"),
        ("extraPart", "very-brave-otter-123"),
        ("trailingNewline", target + "%0A"),
        ("trailingCrLf", target + "%0D%0A"),
        ("trailingSpace", target + "%20"),
        ("leadingSpace", "%20" + target),
        ("trailingTab", target + "%09"),
        ("traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("traversalHealth", "..%2Fhealthz"),
        ("backslashTraversal", "..%5C..%5Cwindows"),
        ("umlaut", "br%C3%A4ve-otter-123"),
        ("rtlOverride", "%E2%80%AE" + target),
        ("fullwidthDigits", "brave-otter-%EF%BC%91%EF%BC%92%EF%BC%93"),
        ("arabicDigits", "brave-otter-%D9%A1%D9%A2%D9%A3"),
        ("sqlQuote", "brave-otter-123'%20OR%20'1'='1"),
        ("sqlDrop", "1;DROP%20TABLE%20sessions;--"),
        ("sqlComment", target + "--"),
        ("percent", "%25"),
        ("wildcard", "%2A"),
        ("likeWildcard", "brave-otter-1%25"),
        ("negative", "-1"),
        ("tooLong", new string('a', 3000)),
        ("tooLongDigits", "brave-otter-" + new string('1', 500)),
        ("json", "%7B%22a%22%3A1%7D"),
        ("semicolon", target + ";x"),
    ];

    /// <summary>Well-formed ids that name no session.</summary>
    public static IReadOnlyList<string> UnknownIds() => ["zzz-zzz-000", "quiet-heron-999", "a-b-123"];

    public static IReadOnlyList<HttpCase> OddIds(FuzzServerFixture fx)
    {
        var routes = new (string Name, HttpMethod Method, string Template, string? Token, byte[]? Body)[]
        {
            ("get", HttpMethod.Get, "/api/sessions/{0}", null, null),
            ("patch", HttpMethod.Patch, "/api/sessions/{0}", fx.OwnerToken, HttpCases.Utf8("{\"status\":\"active\"}")),
            ("delete", HttpMethod.Delete, "/api/sessions/{0}", fx.OwnerToken, null),
            ("qr", HttpMethod.Get, "/api/sessions/{0}/qr.svg", null, null),
            ("transcript", HttpMethod.Get, "/api/sessions/{0}/transcript", fx.OwnerToken, null),
            ("audio", HttpMethod.Get, "/api/sessions/{0}/audio/1?targetLanguage=es", null, null),
        };
        var cases = new List<HttpCase>();
        foreach (var (name, method, template, token, body) in routes)
        {
            foreach (var (id, segment) in MalformedIds(fx.TargetSessionId))
            {
                cases.Add(new HttpCase($"{name}/{id}", method, Path(template, segment), HttpStatusCode.BadRequest, ErrorCodes.InvalidSessionId, token, body));
            }

            var notFound = name == "audio" ? ErrorCodes.AudioNotFound : ErrorCodes.SessionNotFound;
            foreach (var id in UnknownIds())
            {
                cases.Add(new HttpCase($"{name}/unknown:{id}", method, Path(template, id), HttpStatusCode.NotFound, notFound, token, body));
            }
        }

        // An empty segment matches no session route: the API's catch-all answers.
        cases.Add(new HttpCase("qr/empty", HttpMethod.Get, "/api/sessions//qr.svg", HttpStatusCode.NotFound, ErrorCodes.NotFound));
        cases.Add(new HttpCase("transcript/empty", HttpMethod.Get, "/api/sessions//transcript", HttpStatusCode.NotFound, ErrorCodes.NotFound, fx.OwnerToken));
        cases.Add(new HttpCase("audio/empty", HttpMethod.Get, "/api/sessions//audio/1?targetLanguage=es", HttpStatusCode.NotFound, ErrorCodes.NotFound));
        // An encoded dot-dot segment is resolved by the server before routing: the path leaves the session routes.
        cases.Add(new HttpCase("qr/dotDotEncoded", HttpMethod.Get, "/api/sessions/%2E%2E/qr.svg", HttpStatusCode.NotFound, ErrorCodes.NotFound));
        cases.Add(new HttpCase("transcript/dotDotEncoded", HttpMethod.Get, "/api/sessions/%2E%2E/transcript", HttpStatusCode.NotFound, ErrorCodes.NotFound, fx.OwnerToken));
        cases.Add(new HttpCase("audio/dotDotEncoded", HttpMethod.Get, "/api/sessions/%2E%2E/audio/1?targetLanguage=es", HttpStatusCode.NotFound, ErrorCodes.NotFound));
        cases.Add(new HttpCase("unknownSubresource", HttpMethod.Get, $"/api/sessions/{fx.TargetSessionId}/secrets", HttpStatusCode.NotFound, ErrorCodes.NotFound));
        cases.Add(new HttpCase("unknownApi", HttpMethod.Get, "/api/admin/users", HttpStatusCode.NotFound, ErrorCodes.NotFound, fx.OwnerToken));
        cases.Add(new HttpCase("wsAsHttp/speak", HttpMethod.Get, $"/ws/speak?sessionId={fx.TargetSessionId}&token={fx.OwnerToken}", HttpStatusCode.BadRequest, ErrorCodes.WebSocketRequired));
        cases.Add(new HttpCase("wsAsHttp/listen", HttpMethod.Get, $"/ws/listen?sessionId={fx.TargetSessionId}&targetLanguage=es", HttpStatusCode.BadRequest, ErrorCodes.WebSocketRequired));
        return cases;
    }

    public static IReadOnlyList<HttpCase> OddQueries(FuzzServerFixture fx)
    {
        var id = fx.TargetSessionId;
        var cases = new List<HttpCase>();
        string[] formats = ["pdf", "txt%00", "txt%0A.", "..%2F..%2Fetc%2Fpasswd", "srt,vtt", "t%C3%BCxt", "%27%20OR%201=1", new string('v', 2000), "json", "html"];
        foreach (var format in formats)
        {
            cases.Add(new HttpCase($"transcript/format={Short(format)}", HttpMethod.Get, $"/api/sessions/{id}/transcript?format={format}",
                HttpStatusCode.BadRequest, ErrorCodes.InvalidFormat, fx.OwnerToken));
        }

        string[] languages = ["xx", "zz-ZZ", "e", "en%00", "es%0A.", "..%2Fes", "%C3%A9s", "ES-x-private", new string('e', 2000), "%27%3B--", "*"];
        foreach (var language in languages)
        {
            cases.Add(new HttpCase($"transcript/targetLanguage={Short(language)}", HttpMethod.Get, $"/api/sessions/{id}/transcript?targetLanguage={language}",
                HttpStatusCode.BadRequest, ErrorCodes.UnsupportedLanguage, fx.OwnerToken));
            cases.Add(new HttpCase($"audio/targetLanguage={Short(language)}", HttpMethod.Get, $"/api/sessions/{id}/audio/1?targetLanguage={language}",
                HttpStatusCode.NotFound, ErrorCodes.AudioNotFound));
        }

        string[] seqs = ["0", "-1", "abc", "1.5", "1e3", "99999999999999999999999", "9223372036854775807", "%2B1", "0x10", "1%0A", "%20", "1%20", "%E2%91%A0"];
        foreach (var seq in seqs)
        {
            cases.Add(new HttpCase($"audio/seq={seq}", HttpMethod.Get, $"/api/sessions/{id}/audio/{seq}?targetLanguage=es", HttpStatusCode.NotFound, ErrorCodes.AudioNotFound));
        }

        foreach (var query in new[] { string.Empty, "?targetLanguage=", "?targetLanguage=%20", "?target_language=es", "?lang=es" })
        {
            cases.Add(new HttpCase($"audio/noLanguage{query}", HttpMethod.Get, $"/api/sessions/{id}/audio/1{query}", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed));
        }

        return cases;
    }

    /// <summary>Every Bearer route with every token that must not authenticate; and another speaker on the owner's session.</summary>
    public static IReadOnlyList<HttpCase> Tokens(FuzzServerFixture fx)
    {
        var id = fx.TargetSessionId;
        var routes = new (string Name, HttpMethod Method, string Path, byte[]? Body)[]
        {
            ("list", HttpMethod.Get, "/api/sessions", null),
            ("create", HttpMethod.Post, "/api/sessions", HttpCases.Utf8("{\"sourceLanguage\":\"en\"}")),
            ("patch", HttpMethod.Patch, $"/api/sessions/{id}", HttpCases.Utf8("{\"status\":\"paused\"}")),
            ("delete", HttpMethod.Delete, $"/api/sessions/{id}", null),
            ("transcript", HttpMethod.Get, $"/api/sessions/{id}/transcript", null),
        };
        var cases = new List<HttpCase>();
        foreach (var (token, value) in ForgedTokens.All(fx.Server.DataDirectory, fx.OwnerToken))
        {
            foreach (var (name, method, path, body) in routes)
            {
                cases.Add(new HttpCase($"{name}/{token}", method, path, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized, value, body));
            }
        }

        return cases;
    }

    public static IReadOnlyList<HttpCase> WrongRoles(FuzzServerFixture fx)
    {
        var cases = new List<HttpCase>();
        foreach (var id in new[] { fx.TargetSessionId, fx.ControlSessionId })
        {
            var label = id == fx.ControlSessionId ? "control" : "target";
            cases.Add(new HttpCase($"patch-pause/{label}", HttpMethod.Patch, $"/api/sessions/{id}", HttpStatusCode.Forbidden, ErrorCodes.Forbidden, fx.OtherToken, HttpCases.Utf8("{\"status\":\"paused\"}")));
            cases.Add(new HttpCase($"patch-active/{label}", HttpMethod.Patch, $"/api/sessions/{id}", HttpStatusCode.Forbidden, ErrorCodes.Forbidden, fx.OtherToken, HttpCases.Utf8("{\"status\":\"active\"}")));
            cases.Add(new HttpCase($"delete/{label}", HttpMethod.Delete, $"/api/sessions/{id}", HttpStatusCode.Forbidden, ErrorCodes.Forbidden, fx.OtherToken));
            foreach (var query in new[] { string.Empty, "?format=srt", "?format=vtt&targetLanguage=es", "?format=pdf", "?targetLanguage=xx" })
            {
                cases.Add(new HttpCase($"transcript{query}/{label}", HttpMethod.Get, $"/api/sessions/{id}/transcript{query}", HttpStatusCode.Forbidden, ErrorCodes.Forbidden, fx.OtherToken));
            }
        }

        return cases;
    }

    private static string Path(string template, string segment) => template.Replace("{0}", segment, StringComparison.Ordinal);

    private static string Short(string value) => value.Length > 24 ? value[..12] + $"...({value.Length})" : value;
}
