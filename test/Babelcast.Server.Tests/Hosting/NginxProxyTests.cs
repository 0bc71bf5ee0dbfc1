using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// Recipe (c) of docs/deployment.md with nginx: a real nginx running deploy/nginx/babelcast.conf terminates TLS for
/// babelcast.example on loopback in front of the real server, configured as the recipe says.
/// </summary>
[Collection("real-engines")]
public sealed class NginxProxyTests
{
    [Fact]
    public async Task ThroughNginx_JoinLinkQrAndWebSockets_UseThePublicOrigin()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var certificate = CreateCertificate();
        await using var server = await BabelcastTestServer.StartAsync(ProxyScenario.ServerSettings());
        await using var nginx = await StartNginxAsync(server.BaseUri, certificate, cts.Token);
        using var handler = PinnedHandler(certificate);

        await ProxyScenario.RunAsync(handler, nginx.HttpsPort, $"https://{ProxyScenario.PublicHost}", cts.Token);
    }

    [Fact]
    public async Task ThroughNginx_PlainHttp_RedirectsToHttps()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var certificate = CreateCertificate();

        // The redirect is nginx's own answer: no server behind it is needed.
        await using var nginx = await StartNginxAsync(new Uri("http://127.0.0.1:9/"), certificate, cts.Token);
        using var handler = PinnedHandler(certificate);
        handler.AllowAutoRedirect = false;
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://{ProxyScenario.PublicHost}:{nginx.HttpPort}/") };

        using var response = await http.GetAsync("/join/calm-river-042", cts.Token);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(new Uri($"https://{ProxyScenario.PublicHost}/join/calm-river-042"), response.Headers.Location);
    }

    private static Task<NginxProcess> StartNginxAsync(Uri upstream, X509Certificate2 certificate, CancellationToken cancellationToken) =>
        NginxProcess.StartAsync(upstream, certificate.ExportCertificatePem(), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(), cancellationToken);

    /// <summary>Trusts only the test's own certificate.</summary>
    private static SocketsHttpHandler PinnedHandler(X509Certificate2 certificate) =>
        ProxyScenario.LoopbackHandler((_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString());

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + ProxyScenario.PublicHost, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ProxyScenario.PublicHost);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
