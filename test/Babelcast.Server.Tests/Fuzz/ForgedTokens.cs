using System.Security.Cryptography;
using Babelcast.Server.Tests.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Authorization header values that must never authenticate: missing, malformed, forged, expired, foreign.</summary>
internal static class ForgedTokens
{
    private static readonly DateTime Later = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Past = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Name and raw token (null: no Authorization header at all).</summary>
    public static IReadOnlyList<(string Name, string? Token)> All(string dataDirectory, string validToken)
    {
        var key = TestTokens.ServerKey(dataDirectory);
        var parts = validToken.Split('.');
        using var rsa = RSA.Create(2048);
        var list = new List<(string, string?)>
        {
            ("none", null),
            ("empty", string.Empty),
            ("garbage", "not-a-token"),
            ("threeDots", "a.b.c"),
            ("onlyDots", ".."),
            ("twoParts", parts[0] + "." + parts[1]),
            ("trailingGarbage", validToken + "x"),
            ("signatureStripped", parts[0] + "." + parts[1] + "."),
            ("signatureFlipped", parts[0] + "." + parts[1] + "." + Flip(parts[2])),
            ("payloadTampered", parts[0] + "." + Base64UrlEncoder.Encode("{\"sub\":\"admin\",\"iss\":\"babelcast\",\"aud\":\"babelcast\",\"exp\":4102444800}") + "." + parts[2]),
            ("algNone", Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
            ("algNoneUpper", Base64UrlEncoder.Encode("{\"alg\":\"NONE\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
            ("expired", TestTokens.Create(key, SecurityAlgorithms.HmacSha256, "admin", Past)),
            ("foreignIssuer", TestTokens.Create(key, SecurityAlgorithms.HmacSha256, "admin", Later, issuer: "evil-issuer")),
            ("foreignAudience", TestTokens.Create(key, SecurityAlgorithms.HmacSha256, "admin", Later, audience: "someone-else")),
            ("emptyIssuer", TestTokens.Create(key, SecurityAlgorithms.HmacSha256, "admin", Later, issuer: " ")),
            ("wrongKey", TestTokens.Create(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)), SecurityAlgorithms.HmacSha256, "admin", Later)),
            ("wrongKeyWithKid", TestTokens.Create(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)), SecurityAlgorithms.HmacSha256, "admin", Later, keyId: "../../keys/jwt-signing.key")),
            ("foreignRsa", TestTokens.Create(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256, "admin", Later)),
            ("huge", new string('A', 6_000)),
            ("spaces", "a b c"),
        };
        return list;
    }

    private static string Flip(string signature)
    {
        var bytes = Base64UrlEncoder.DecodeBytes(signature);
        bytes[0] ^= 0x01;
        return Base64UrlEncoder.Encode(bytes);
    }
}
