using System.Text;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Generates the bad WebSocket connections and frames, with the documented error code.</summary>
internal static class WsCases
{
    /// <summary>Query strings both endpoints must refuse before anything else happens.</summary>
    public static IReadOnlyList<WsCase> BadQueries(FuzzServerFixture fx, string endedSessionId)
    {
        var cases = new List<WsCase>();
        var token = fx.OwnerToken;
        var target = fx.TargetSessionId;
        cases.Add(new("noQuery", "speak", ErrorCodes.MissingSessionId, "/ws/speak?token=" + token));
        cases.Add(new("emptySessionId", "speak", ErrorCodes.MissingSessionId, $"/ws/speak?sessionId=&token={token}"));
        cases.Add(new("noQuery", "listen", ErrorCodes.MissingSessionId, "/ws/listen?targetLanguage=es"));
        cases.Add(new("emptySessionId", "listen", ErrorCodes.MissingSessionId, "/ws/listen?sessionId=&targetLanguage=es"));
        foreach (var (name, segment) in HttpRouteCases.MalformedIds(target))
        {
            cases.Add(new(name, "speak", ErrorCodes.InvalidSessionId, $"/ws/speak?sessionId={segment}&token={token}"));
            cases.Add(new(name, "listen", ErrorCodes.InvalidSessionId, $"/ws/listen?sessionId={segment}&targetLanguage=es"));
        }

        cases.Add(new("nulInId", "speak", ErrorCodes.InvalidSessionId, $"/ws/speak?sessionId={target}%00&token={token}"));
        cases.Add(new("nulInId", "listen", ErrorCodes.InvalidSessionId, $"/ws/listen?sessionId={target}%00&targetLanguage=es"));
        foreach (var id in HttpRouteCases.UnknownIds())
        {
            cases.Add(new("unknown:" + id, "speak", ErrorCodes.SessionNotFound, $"/ws/speak?sessionId={id}&token={token}"));
            cases.Add(new("unknown:" + id, "listen", ErrorCodes.SessionNotFound, $"/ws/listen?sessionId={id}&targetLanguage=es"));
        }

        cases.Add(new("ended", "speak", ErrorCodes.SessionEnded, $"/ws/speak?sessionId={endedSessionId}&token={token}"));
        cases.Add(new("ended", "listen", ErrorCodes.SessionEnded, $"/ws/listen?sessionId={endedSessionId}&targetLanguage=es"));
        cases.Add(new("noTargetLanguage", "listen", ErrorCodes.MissingTargetLanguage, $"/ws/listen?sessionId={target}"));
        cases.Add(new("emptyTargetLanguage", "listen", ErrorCodes.MissingTargetLanguage, $"/ws/listen?sessionId={target}&targetLanguage="));
        string[] languages = ["xx", "zz-ZZ", "e", "en%00", "es%0A.", "..%2Fes", "%C3%A9s", new string('e', 1000), "%27%3B--", "*", "%ED%A0%80"];
        foreach (var language in languages)
        {
            var label = language.Length > 24 ? $"long({language.Length})" : language;
            cases.Add(new("targetLanguage=" + label, "listen", ErrorCodes.UnsupportedLanguage, $"/ws/listen?sessionId={target}&targetLanguage={language}"));
        }

        return cases;
    }

    /// <summary>Speaker connections with tokens that must not authenticate, and another speaker's valid token.</summary>
    public static IReadOnlyList<WsCase> BadTokens(FuzzServerFixture fx)
    {
        var cases = new List<WsCase>();
        foreach (var (name, token) in ForgedTokens.All(fx.Server.DataDirectory, fx.OwnerToken))
        {
            var query = token is null ? string.Empty : "&token=" + Uri.EscapeDataString(token);
            cases.Add(new(name, "speak", ErrorCodes.Unauthorized, $"/ws/speak?sessionId={fx.TargetSessionId}{query}"));
        }

        cases.Add(new("anotherSpeaker", "speak", ErrorCodes.Forbidden, $"/ws/speak?sessionId={fx.TargetSessionId}&token={fx.OtherToken}"));
        cases.Add(new("anotherSpeakerOnControl", "speak", ErrorCodes.Forbidden, $"/ws/speak?sessionId={fx.ControlSessionId}&token={fx.OtherToken}"));
        return cases;
    }

    /// <summary>Text frames that are not a valid message: malformed JSON, wrong types, bad fields, bad text.</summary>
    public static IReadOnlyList<WsFrame> MalformedText()
    {
        var list = new List<WsFrame>
        {
            Text("empty", string.Empty),
            Text("whitespace", "   "),
            Text("openBrace", "{"),
            Text("truncated", "{\"type\":\"heart"),
            Text("trailingComma", "{\"type\":\"heartbeat\",}"),
            Text("singleQuotes", "{'type':'heartbeat'}"),
            Text("unquotedName", "{type:\"heartbeat\"}"),
            Text("comment", "/*x*/{\"type\":\"heartbeat\"}"),
            Text("twoObjects", "{\"type\":\"heartbeat\"}{\"type\":\"heartbeat\"}"),
            Text("null", "null"),
            Text("array", "[{\"type\":\"heartbeat\"}]"),
            Text("number", "42"),
            Text("hugeNumber", "1" + new string('0', 400)),
            Text("string", "\"heartbeat\""),
            Text("true", "true"),
            Text("noType", "{}"),
            Text("typeNull", "{\"type\":null}"),
            Text("typeNumber", "{\"type\":7}"),
            Text("typeArray", "{\"type\":[\"heartbeat\"]}"),
            Text("typeObject", "{\"type\":{\"name\":\"heartbeat\"}}"),
            Text("typeBool", "{\"type\":true}"),
            Text("typeHugeNumber", "{\"type\":1e999999}"),
            Text("wrongName", "{\"Type \":\"heartbeat\"}"),
            Text("deep9", "{\"type\":\"heartbeat\",\"a\":" + new string('[', 9) + new string(']', 9) + "}"),
            Text("deep1000", "{\"type\":\"heartbeat\",\"a\":" + new string('[', 1000) + new string(']', 1000) + "}"),
            Text("deepObjects", string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)),
            Text("loneHighSurrogateType", "{\"type\":\"\\ud800\"}"),
            Text("loneLowSurrogateType", "{\"type\":\"\\udfff\"}"),
            Text("loneSurrogateField", "{\"type\":\"heartbeat\",\"x\":\"a\\udc00b\"}"),
            Text("loneSurrogateName", "{\"type\":\"heartbeat\",\"\\ud83d\":1}"),
            Text("badEscape", "{\"type\":\"heart\\xbeat\"}"),
            Text("shortUnicodeEscape", "{\"type\":\"\\u12\"}"),
            Text("controlChar", "{\"type\":\"heart\u0001beat\"}"),
            Text("nan", "{\"type\":\"heartbeat\",\"x\":NaN}"),
            new("utf16", Encoding.Unicode.GetBytes("{\"type\":\"heartbeat\"}")),
            new("bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{")]),
        };
        return list;
    }

    /// <summary>Unknown or foreign message types for <paramref name="endpoint"/>.</summary>
    public static IReadOnlyList<WsFrame> UnknownTypes(string endpoint)
    {
        string[] common = ["dance", "HEARTBEAT", "Heartbeat", " heartbeat", "heartbeat ", "heart beat", "", "error", "heartbeatAck", "connected", "sessionEnded", "__proto__", "constructor", "\\u0000", new string('t', 3000)];
        string[] foreign = endpoint == "speak"
            ? ["changeLanguage", "sessionJoined", "caption", "audio"]
            : ["pause", "mute", "unmute", "end", "connected", "transcript"];
        return common.Concat(foreign).Select(t => Text("type=" + (t.Length > 24 ? $"long({t.Length})" : t), "{\"type\":\"" + t + "\"}")).ToList();
    }

    /// <summary>Frames over the size limits: text over 4 KiB, binary over 32 KiB.</summary>
    public static IReadOnlyList<(WsFrame Frame, string Code)> Oversized(string endpoint)
    {
        var list = new List<(WsFrame, string)>
        {
            (Text("text4097", "{\"type\":\"heartbeat\",\"x\":\"" + new string('x', 4097 - 27) + "\"}"), ErrorCodes.MessageTooLarge),
            (Text("text16k", "{\"type\":\"heartbeat\",\"x\":\"" + new string('x', 16_000) + "\"}"), ErrorCodes.MessageTooLarge),
            (Text("text100k", new string(' ', 100_000)), ErrorCodes.MessageTooLarge),
            (Text("textMultibyte", "{\"type\":\"heartbeat\",\"x\":\"" + new string('\u00e9', 2100) + "\"}"), ErrorCodes.MessageTooLarge),
        };
        if (endpoint == "speak")
        {
            list.Add((new WsFrame("binary32770", new byte[32_770], true), ErrorCodes.MessageTooLarge));
            list.Add((new WsFrame("binary64k", new byte[65_536], true), ErrorCodes.MessageTooLarge));
            list.Add((new WsFrame("binary1m", new byte[1_048_576], true), ErrorCodes.MessageTooLarge));
            list.Add((new WsFrame("binaryEmpty", [], true), ErrorCodes.InvalidAudioFrame));
            list.Add((new WsFrame("binaryOdd1", [1], true), ErrorCodes.InvalidAudioFrame));
            list.Add((new WsFrame("binaryOdd321", new byte[321], true), ErrorCodes.InvalidAudioFrame));
        }
        else
        {
            list.Add((new WsFrame("binary2", new byte[2], true), ErrorCodes.AudioNotAllowed));
            list.Add((new WsFrame("binaryEmpty", [], true), ErrorCodes.AudioNotAllowed));
            list.Add((new WsFrame("binaryOdd", [1, 2, 3], true), ErrorCodes.AudioNotAllowed));
            list.Add((new WsFrame("binaryJson", Encoding.UTF8.GetBytes("{\"type\":\"heartbeat\"}"), true), ErrorCodes.AudioNotAllowed));
            list.Add((new WsFrame("binary3200", new byte[3200], true), ErrorCodes.AudioNotAllowed));
            list.Add((new WsFrame("binary40k", new byte[40_000], true), ErrorCodes.MessageTooLarge));
        }

        return list;
    }

    /// <summary>Listener-only fields that are present but bad.</summary>
    public static IReadOnlyList<(WsFrame Frame, string Code)> ListenerFields() =>
    [
        (Text("changeLanguage:xx", "{\"type\":\"changeLanguage\",\"targetLanguage\":\"xx\"}"), ErrorCodes.UnsupportedLanguage),
        (Text("changeLanguage:traversal", "{\"type\":\"changeLanguage\",\"targetLanguage\":\"..\\/es\"}"), ErrorCodes.UnsupportedLanguage),
        (Text("changeLanguage:long", "{\"type\":\"changeLanguage\",\"targetLanguage\":\"" + new string('e', 500) + "\"}"), ErrorCodes.UnsupportedLanguage),
        (Text("changeLanguage:number", "{\"type\":\"changeLanguage\",\"targetLanguage\":5}"), ErrorCodes.InvalidMessage),
        (Text("changeLanguage:array", "{\"type\":\"changeLanguage\",\"targetLanguage\":[\"es\"]}"), ErrorCodes.InvalidMessage),
        (Text("changeLanguage:surrogate", "{\"type\":\"changeLanguage\",\"targetLanguage\":\"\\ud800\"}"), ErrorCodes.InvalidMessage),
        (Text("resume:string", "{\"type\":\"resume\",\"afterSeq\":\"5\"}"), ErrorCodes.InvalidMessage),
        (Text("resume:fraction", "{\"type\":\"resume\",\"afterSeq\":1.5}"), ErrorCodes.InvalidMessage),
        (Text("resume:huge", "{\"type\":\"resume\",\"afterSeq\":1e999}"), ErrorCodes.InvalidMessage),
        (Text("resume:overflow", "{\"type\":\"resume\",\"afterSeq\":99999999999999999999999}"), ErrorCodes.InvalidMessage),
        (Text("resume:array", "{\"type\":\"resume\",\"afterSeq\":[1]}"), ErrorCodes.InvalidMessage),
        (Text("resume:bool", "{\"type\":\"resume\",\"afterSeq\":true}"), ErrorCodes.InvalidMessage),
    ];

    /// <summary>Text frames whose bytes are not UTF-8: the socket is closed with 1007.</summary>
    public static IReadOnlyList<WsFrame> InvalidUtf8() =>
    [
        new("ffInString", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]),
        new("loneContinuation", [.. Encoding.UTF8.GetBytes("{\"type\":\"heart"), 0x80, .. Encoding.UTF8.GetBytes("beat\"}")]),
        new("truncatedSequence", [.. Encoding.UTF8.GetBytes("{\"type\":\"x"), 0xE2, 0x82]),
        new("overlong", [.. Encoding.UTF8.GetBytes("{\"type\":\""), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\"}")]),
        new("encodedSurrogate", [.. Encoding.UTF8.GetBytes("{\"type\":\""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}")]),
    ];

    private static WsFrame Text(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
