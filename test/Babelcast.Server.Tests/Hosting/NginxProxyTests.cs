using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using QRCoder;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// Recipe (c) of docs/deployment.md end to end: a real nginx with deploy/nginx/babelcast.conf terminates TLS for
/// babelcast.example on loopback and proxies to the real server, configured as the recipe says. Sign-in, session
/// creation, the join link and QR code, and a speaker and a listener over WebSockets all go through nginx.
/// </summary>
[Collection("real-engines")]
public sealed class NginxProxyTests
{
    private const string PublicHost = "babelcast.example";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ThroughNginx_JoinLinkQrAndWebSockets_UseThePublicOrigin()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var certificate = CreateCertificate();
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:ReverseProxy:KnownProxies"] = "127.0.0.1",
            ["AllowedHosts"] = PublicHost,
        });
        await using var nginx = await NginxProcess.StartAsync(server.BaseUri, certificate.ExportCertificatePem(),
            certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), cts.Token);
        using var handler = LoopbackHandler(certificate);
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"https://{PublicHost}:{nginx.HttpsPort}/") };

        var token = await SignInAsync(http, cts.Token);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var created = await http.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" }, cts.Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        var id = session.GetProperty("sessionId").GetString()!;

        // Kestrel speaks plain HTTP on 127.0.0.1: https and the public name can only come from nginx's headers.
        var expected = $"https://{PublicHost}/join/{id}";
        Assert.Equal(expected, session.GetProperty("joinUrl").GetString());
        var view = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", cts.Token);
        Assert.Equal(expected, view.GetProperty("joinUrl").GetString());
        Assert.Equal(QrSvg(expected), await http.GetStringAsync($"/api/sessions/{id}/qr.svg", cts.Token));

        // A client's own X-Forwarded-Host is replaced by nginx, never passed on.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{id}");
        spoofed.Headers.Add("X-Forwarded-Host", "evil.example");
        using var spoofedResponse = await http.SendAsync(spoofed, cts.Token);
        Assert.Equal(expected, (await spoofedResponse.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("joinUrl").GetString());

        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        await using var speaker = await ProtocolClient.ConnectAsync(
            new Uri($"wss://{PublicHost}:{nginx.HttpsPort}/ws/speak?sessionId={id}&token={token}"), invoker, cts.Token);
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var listener = await ProtocolClient.ConnectAsync(
            new Uri($"wss://{PublicHost}:{nginx.HttpsPort}/ws/listen?sessionId={id}&targetLanguage=es"), invoker, cts.Token);
        await listener.WaitForTypeAsync("sessionJoined", Wait);

        var (clip, _) = TestData.RealClips().Single(c => c.File.EndsWith("0870.wav", StringComparison.Ordinal));
        await speaker.StreamAudioAsync(Wav.Read16kMono(clip).Concat(new short[16000]).ToArray(), cancellationToken: cts.Token);

        var caption = await listener.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);
        Assert.Equal("es", caption.Text("targetLanguage"));
        Assert.False(string.IsNullOrWhiteSpace(caption.Text()));
        var audio = await listener.WaitForAsync(m => m.Type == "audioData", Wait);
        Assert.True(audio.Binary!.Length > 100, "the translated phrase's MP3 came through nginx");
    }

    [Fact]
    public async Task ThroughNginx_PlainHttp_RedirectsToHttps()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var certificate = CreateCertificate();

        // The redirect is nginx's own answer: no server behind it is needed.
        await using var nginx = await NginxProcess.StartAsync(new Uri("http://127.0.0.1:9/"), certificate.ExportCertificatePem(),
            certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), cts.Token);
        using var handler = LoopbackHandler(certificate);
        handler.AllowAutoRedirect = false;
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://{PublicHost}:{nginx.HttpPort}/") };

        using var response = await http.GetAsync("/join/calm-river-042", cts.Token);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(new Uri($"https://{PublicHost}/join/calm-river-042"), response.Headers.Location);
    }

    private static async Task<string> SignInAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token",
            new { username = "admin", password = BabelcastTestServer.AdminPassword }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("accessToken").GetString()!;
    }

    private static string QrSvg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        using var qr = new SvgQRCode(data);
        return qr.GetGraphic(8);
    }

    /// <summary>Resolves every name to 127.0.0.1 (nothing leaves the machine) and trusts only the test's certificate.</summary>
    private static SocketsHttpHandler LoopbackHandler(X509Certificate2 certificate) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        },
    };

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + PublicHost, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(PublicHost);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
