using System.Net;
using System.Text;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Generates the bad HTTP requests of each category, with the answer docs/protocol.md documents.</summary>
internal static class HttpCases
{
    /// <summary>Bodies that are not a JSON object of any expected shape, whatever the route.</summary>
    public static IReadOnlyList<(string Name, byte[] Body)> MalformedBodies()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var list = new List<(string, byte[])>
        {
            ("empty", []),
            ("whitespace", Utf8("   \r\n\t ")),
            ("openBrace", Utf8("{")),
            ("closeBrace", Utf8("}")),
            ("truncatedName", Utf8("{\"sourceLang")),
            ("truncatedValue", Utf8("{\"sourceLanguage\":\"e")),
            ("missingValue", Utf8("{\"sourceLanguage\":}")),
            ("missingColon", Utf8("{\"sourceLanguage\" \"en\"}")),
            ("trailingComma", Utf8("{\"sourceLanguage\":\"en\",}")),
            ("singleQuotes", Utf8("{'sourceLanguage':'en'}")),
            ("unquotedName", Utf8("{sourceLanguage:\"en\"}")),
            ("comment", Utf8("/* hi */{\"sourceLanguage\":\"en\"}")),
            ("twoObjects", Utf8("{\"sourceLanguage\":\"en\"}{\"sourceLanguage\":\"en\"}")),
            ("trailingGarbage", Utf8("{\"status\":\"active\"} x")),
            ("null", Utf8("null")),
            ("array", Utf8("[]")),
            ("arrayOfObject", Utf8("[{\"sourceLanguage\":\"en\",\"username\":\"admin\"}]")),
            ("number", Utf8("42")),
            ("hugeNumber", Utf8("1" + new string('0', 400))),
            ("string", Utf8("\"admin\"")),
            ("true", Utf8("true")),
            ("nan", Utf8("NaN")),
            ("deepArrays", Utf8(deep)),
            ("deepObjects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000))),
            ("bomThenTruncated", [0xEF, 0xBB, 0xBF, (byte)'{']),
            ("doubleBom", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']),
            ("utf16Bom", [0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0]),
            ("invalidUtf8InString", [.. Utf8("{\"sourceLanguage\":\""), 0xFF, 0xFE, .. Utf8("\",\"username\":\"")]),
            ("invalidUtf8Lead", [0xC3, 0x28]),
            ("overlongUtf8", [.. Utf8("{\"status\":\""), 0xC0, 0xAF, .. Utf8("\"}")]),
            ("nulByte", [(byte)'{', 0, (byte)'}']),
            ("controlCharInString", Utf8("{\"status\":\"act\u0001ive\"}")),
            ("badEscape", Utf8("{\"status\":\"\\x41\"}")),
            ("shortUnicodeEscape", Utf8("{\"status\":\"\\u12\"}")),
            ("formEncoded", Utf8("username=admin&password=x&sourceLanguage=en")),
            ("xml", Utf8("<session><sourceLanguage>en</sourceLanguage></session>")),
        };
        return list;
    }

    /// <summary>Every route that reads a body, with its body-specific bad shapes (wrong types, nulls, duplicates).</summary>
    public static IReadOnlyList<HttpCase> MalformedJson(FuzzServerFixture fx)
    {
        var routes = new (string Name, HttpMethod Method, string Path, string? Token, string[] Shapes)[]
        {
            ("token", HttpMethod.Post, "/api/auth/token", null,
            [
                "{}", "{\"username\":\"admin\"}", "{\"password\":\"x\"}", "{\"username\":5,\"password\":\"x\"}",
                "{\"username\":\"admin\",\"password\":5}", "{\"username\":null,\"password\":null}", "{\"username\":[\"admin\"],\"password\":\"x\"}",
                "{\"username\":{\"a\":1},\"password\":\"x\"}", "{\"username\":true,\"password\":false}", "{\"username\":1e999,\"password\":\"x\"}",
                "{\"username\":\"admin\",\"password\":\"x\",\"username\":7}",
            ]),
            ("create", HttpMethod.Post, "/api/sessions", fx.OwnerToken,
            [
                "{}", "{\"sourceLanguage\":null}", "{\"sourceLanguage\":5}", "{\"sourceLanguage\":[\"en\"]}", "{\"sourceLanguage\":{\"code\":\"en\"}}",
                "{\"sourceLanguage\":true}", "{\"sourceLanguage\":\"\"}", "{\"sourceLanguage\":\"   \"}", "{\"sourceLanguage\":1e999999}",
                "{\"sourceLanguage\":99999999999999999999999999999}", "{\"sourceLanguage\":\"en\",\"qualityTier\":5}",
                "{\"sourceLanguage\":\"en\",\"qualityTier\":[\"premium\"]}", "{\"sourceLanguage\":\"en\",\"sourceLanguage\":5}",
                "{\"qualityTier\":\"premium\"}",
            ]),
            ("patch", HttpMethod.Patch, $"/api/sessions/{fx.TargetSessionId}", fx.OwnerToken,
            [
                "{\"status\":5}", "{\"status\":[\"paused\"]}", "{\"status\":{\"v\":\"paused\"}}", "{\"status\":true}",
                "{\"status\":1e999999}", "{\"qualityTier\":5}", "{\"qualityTier\":[]}", "{\"status\":\"active\",\"status\":5}",
            ]),
        };
        var cases = new List<HttpCase>();
        foreach (var (name, method, path, token, shapes) in routes)
        {
            foreach (var (body, bytes) in MalformedBodies())
            {
                cases.Add(new HttpCase($"{name}/{body}", method, path, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed, token, bytes));
            }

            for (var i = 0; i < shapes.Length; i++)
            {
                cases.Add(new HttpCase($"{name}/shape{i}:{shapes[i]}", method, path, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed, token, Utf8(shapes[i])));
            }
        }

        return cases;
    }

    /// <summary>Lone UTF-16 surrogate escapes in names and values: not valid text, so not a valid body.</summary>
    public static IReadOnlyList<HttpCase> Surrogates(FuzzServerFixture fx)
    {
        var bodies = new (string Name, HttpMethod Method, string Path, string? Token, string Body)[]
        {
            ("tokenUser", HttpMethod.Post, "/api/auth/token", null, "{\"username\":\"\\ud800\",\"password\":\"x\"}"),
            ("tokenPassword", HttpMethod.Post, "/api/auth/token", null, "{\"username\":\"admin\",\"password\":\"a\\udc00b\"}"),
            ("tokenName", HttpMethod.Post, "/api/auth/token", null, "{\"\\ud83d\":1,\"username\":\"admin\",\"password\":\"x\"}"),
            ("createLanguage", HttpMethod.Post, "/api/sessions", fx.OwnerToken, "{\"sourceLanguage\":\"\\ud800\"}"),
            ("createTier", HttpMethod.Post, "/api/sessions", fx.OwnerToken, "{\"sourceLanguage\":\"en\",\"qualityTier\":\"\\udfff\"}"),
            ("patchStatus", HttpMethod.Patch, $"/api/sessions/{fx.TargetSessionId}", fx.OwnerToken, "{\"status\":\"\\ud800paused\"}"),
            ("patchTier", HttpMethod.Patch, $"/api/sessions/{fx.TargetSessionId}", fx.OwnerToken, "{\"qualityTier\":\"\\udbff\"}"),
        };
        return bodies.Select(b => new HttpCase(b.Name, b.Method, b.Path, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed, b.Token, Utf8(b.Body))).ToList();
    }

    /// <summary>The body is read as JSON whatever its declared type: the answer follows the content, not the header.</summary>
    public static IReadOnlyList<HttpCase> ContentTypes(FuzzServerFixture fx)
    {
        string?[] types =
        [
            null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=utf-16", "application/json; charset=latin1", "image/png", "*/*", ";;;", "application/problem+json",
        ];
        var cases = new List<HttpCase>();
        foreach (var type in types)
        {
            var label = type ?? "none";
            cases.Add(new HttpCase($"token/{label}", HttpMethod.Post, "/api/auth/token", HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials,
                Body: Utf8("{\"username\":\"admin\",\"password\":\"wrong-password\"}"), ContentType: type));
            cases.Add(new HttpCase($"create/{label}", HttpMethod.Post, "/api/sessions", HttpStatusCode.BadRequest, ErrorCodes.UnsupportedLanguage,
                fx.OwnerToken, Utf8("{\"sourceLanguage\":\"xx\"}"), type));
            cases.Add(new HttpCase($"patch/{label}", HttpMethod.Patch, $"/api/sessions/{fx.TargetSessionId}", HttpStatusCode.BadRequest,
                ErrorCodes.InvalidStatus, fx.OwnerToken, Utf8("{\"status\":\"sleeping\"}"), type));
            cases.Add(new HttpCase($"createForm/{label}", HttpMethod.Post, "/api/sessions", HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed,
                fx.OwnerToken, Utf8("sourceLanguage=en"), type));
        }

        return cases;
    }

    /// <summary>Bodies over 64 KiB (valid JSON or not) on every route that reads one.</summary>
    public static IReadOnlyList<HttpCase> Oversized(FuzzServerFixture fx)
    {
        var routes = new (string Name, HttpMethod Method, string Path, string? Token)[]
        {
            ("token", HttpMethod.Post, "/api/auth/token", null),
            ("create", HttpMethod.Post, "/api/sessions", fx.OwnerToken),
            ("patch", HttpMethod.Patch, $"/api/sessions/{fx.TargetSessionId}", fx.OwnerToken),
        };
        var bodies = new (string Name, byte[] Body)[]
        {
            ("longString", Utf8("{\"sourceLanguage\":\"" + new string('e', 70_000) + "\",\"username\":\"a\",\"password\":\"b\"}")),
            ("manyFields", Utf8("{" + string.Join(",", Enumerable.Range(0, 8000).Select(i => $"\"f{i}\":{i}")) + "}")),
            ("whitespace", Utf8("{" + new string(' ', 66_000) + "}")),
            ("garbage", new byte[200_000]),
            ("justOver", Utf8("{\"status\":\"active\",\"x\":\"" + new string('x', (64 * 1024) - 24) + "\"}")),
        };
        var cases = new List<HttpCase>();
        foreach (var (name, method, path, token) in routes)
        {
            foreach (var (body, bytes) in bodies)
            {
                cases.Add(new HttpCase($"{name}/{body}({bytes.Length})", method, path, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.RequestTooLarge, token, bytes));
            }
        }

        return cases;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
