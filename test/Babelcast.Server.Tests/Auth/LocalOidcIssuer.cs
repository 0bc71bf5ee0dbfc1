using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Babelcast.Server.Tests.Auth;

/// <summary>A minimal OpenID Connect issuer on 127.0.0.1: a discovery document and a JWKS with one RSA key.</summary>
internal sealed class LocalOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalOidcIssuer(WebApplication app, RSA rsa, string authority)
    {
        _app = app;
        Rsa = rsa;
        Authority = authority;
    }

    public RSA Rsa { get; }

    public string Authority { get; }

    public string JwksUrl => Authority + "/keys.json";

    public RsaSecurityKey SigningKey => new(Rsa) { KeyId = "test-key-1" };

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? authority = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority!,
            ["jwks_uri"] = authority + "/keys.json",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys.json", () =>
        {
            var parameters = rsa.ExportParameters(false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = "test-key-1",
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        authority = address.TrimEnd('/');
        return new LocalOidcIssuer(app, rsa, authority);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Rsa.Dispose();
    }
}
