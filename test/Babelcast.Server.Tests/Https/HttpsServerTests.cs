using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Babelcast.Server.Https;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Server.Venue;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Https;

/// <summary>The real server in self-signed mode on 127.0.0.1: HTTP and HTTPS both answer, and the fingerprint pins.</summary>
public sealed class HttpsServerTests
{
    private static readonly IPAddress Lan = IPAddress.Parse("192.0.2.44");

    [Fact]
    public async Task SelfSigned_HttpAndHttpsBothServe_CertificateMatchesTheFingerprintShown()
    {
        await using var own = await StartAsync();
        var server = own.Server;
        Assert.NotNull(server.HttpsUri);
        Assert.Equal("127.0.0.1", server.HttpsUri.Host);
        var token = await server.GetTokenAsync();

        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var info = await http.GetFromJsonAsync<JsonElement>("/api/server/https");
        Assert.Equal("self-signed", info.GetProperty("mode").GetString());
        Assert.Equal(server.HttpsUri.Port, info.GetProperty("port").GetInt32());
        var shown = info.GetProperty("sha256").GetString()!;
        Assert.Equal([new Uri(server.HttpsUri, "/").ToString()], info.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));

        X509Certificate2? presented = null;
        using var https = PinnedClient(server.HttpsUri, shown, c => presented = c);
        using var page = await https.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Babelcast", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var health = await https.GetAsync("/healthz");
        Assert.True(health.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, health.StatusCode.ToString());
        Assert.Contains("\"status\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.NotNull(presented);
        Assert.Equal(shown.Replace(":", "", StringComparison.Ordinal), presented.GetCertHashString(HashAlgorithmName.SHA256));
        Assert.Contains(Lan, SelfSignedCertificateFactory.Covered(presented).Addresses);
        using var onDisk = X509CertificateLoader.LoadCertificateFromFile(SelfSignedCertificateStore.CertificatePath(server.DataDirectory));
        Assert.Equal(onDisk.Thumbprint, presented.Thumbprint);
        using var plain = await http.GetAsync("/healthz");
        Assert.Contains("\"status\"", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfSigned_UntrustedByDefault_AndHttpsInfoNeedsSignIn()
    {
        await using var own = await StartAsync();
        using var unpinned = new HttpClient { BaseAddress = own.Server.HttpsUri, Timeout = TimeSpan.FromSeconds(30) };
        await Assert.ThrowsAsync<HttpRequestException>(() => unpinned.GetAsync("/healthz"));

        using var anonymous = own.Server.CreateClient();
        using var response = await anonymous.GetAsync("/api/server/https");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SelfSigned_ListenerWebSocketOverWss_Joins()
    {
        await using var own = await StartAsync();
        var server = own.Server;
        var id = await server.CreateSessionAsync(await server.GetTokenAsync());
        var sha256 = server.Services.GetRequiredService<HttpsCertificateSource>().Certificate!.Sha256;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, c, _, _) => Matches(c, sha256);
        var wss = new UriBuilder(server.HttpsUri!) { Scheme = "wss", Path = "/ws/listen", Query = $"sessionId={id}&targetLanguage=es" }.Uri;

        await socket.ConnectAsync(wss, cts.Token);
        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, cts.Token);

        Assert.Contains("\"sessionJoined\"", Encoding.UTF8.GetString(buffer, 0, result.Count), StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
    }

    [Fact]
    public async Task Off_NoHttpsListener_AndInfoSaysOff()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>());
        Assert.Null(own.Server.HttpsUri);

        using var http = own.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await own.Server.GetTokenAsync());
        var info = await http.GetFromJsonAsync<JsonElement>("/api/server/https");
        Assert.Equal("off", info.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("sha256").ValueKind);
    }

    [Fact]
    public async Task Files_KeyOfAnotherCertificate_StartFailsNamingTheKey()
    {
        using var pem = PemPair.Create();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Https:Mode"] = "files",
            ["Babelcast:Https:Port"] = "0",
            ["Babelcast:Https:CertificatePath"] = pem.CertificatePath,
            ["Babelcast:Https:KeyPath"] = pem.WriteOtherKey(),
        }));

        Assert.Contains("Babelcast:Https:KeyPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_ValidPair_ServesThatCertificate()
    {
        using var pem = PemPair.Create();
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Https:Mode"] = "files",
            ["Babelcast:Https:Port"] = "0",
            ["Babelcast:Https:CertificatePath"] = pem.CertificatePath,
            ["Babelcast:Https:KeyPath"] = pem.KeyPath,
        });

        using var https = PinnedClient(own.Server.HttpsUri!, pem.Sha256, _ => { });
        using var response = await https.GetAsync("/healthz");

        Assert.Contains("\"status\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<OwnServer> StartAsync()
    {
        // The speaker page is served from the source tree (as in the page tests); the web root is fixed at build.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_WEBROOT")))
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_WEBROOT", Hardening.PagesServerFixture.WebRoot);
        }

        return OwnServer.StartAsync(
            new Dictionary<string, string?> { ["Babelcast:Https:Mode"] = "self-signed", ["Babelcast:Https:Port"] = "0" },
            s => s.AddSingleton<ILanAddresses>(new FixedLanAddresses([Lan])));
    }

    private static HttpClient PinnedClient(Uri baseUri, string sha256, Action<X509Certificate2> seen)
    {
#pragma warning disable CA2000 // the client owns (and disposes) its handler
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    if (certificate is X509Certificate2 c)
                    {
                        seen(X509CertificateLoader.LoadCertificate(c.RawData));
                    }

                    return Matches(certificate, sha256);
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
#pragma warning restore CA2000
    }

    private static bool Matches(X509Certificate? certificate, string sha256) =>
        certificate is not null
        && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), sha256.Replace(":", "", StringComparison.Ordinal), StringComparison.Ordinal);
}
