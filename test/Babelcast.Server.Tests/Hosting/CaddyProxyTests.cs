using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// Recipe (c) of docs/deployment.md with Caddy: a real Caddy running deploy/caddy/Caddyfile (its certificate from
/// Caddy's local CA instead of a public one) in front of the real server, configured as the recipe says.
/// </summary>
[Collection("real-engines")]
public sealed class CaddyProxyTests
{
    [Fact]
    public async Task ThroughCaddy_JoinLinkQrAndWebSockets_UseThePublicOrigin()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var server = await BabelcastTestServer.StartAsync(ProxyScenario.ServerSettings());
        await using var caddy = await CaddyProcess.StartAsync(server.BaseUri, cts.Token);
        using var root = X509CertificateLoader.LoadCertificateFromFile(caddy.RootCertificatePath);
        using var handler = ProxyScenario.LoopbackHandler((_, presented, chain, errors) => IssuedBy(root, presented, chain, errors));

        await ProxyScenario.RunAsync(handler, caddy.HttpsPort, $"https://{ProxyScenario.PublicHost}:{caddy.HttpsPort}", cts.Token);
    }

    [Fact]
    public async Task ThroughCaddy_PlainHttp_RedirectsToHttps()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var caddy = await CaddyProcess.StartAsync(new Uri("http://127.0.0.1:9/"), cts.Token);
        using var handler = ProxyScenario.LoopbackHandler((_, _, _, _) => false);
        handler.AllowAutoRedirect = false;
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://{ProxyScenario.PublicHost}:{caddy.HttpPort}/") };

        using var response = await http.GetAsync("/join/calm-river-042", cts.Token);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MovedPermanently, HttpStatusCode.PermanentRedirect });
        var location = response.Headers.Location!;
        Assert.Equal(("https", ProxyScenario.PublicHost, "/join/calm-river-042"), (location.Scheme, location.Host, location.AbsolutePath));
    }

    /// <summary>A certificate for the requested name whose chain ends at Caddy's local root, and nothing else.</summary>
    private static bool IssuedBy(X509Certificate2 root, X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return presented is X509Certificate2 leaf && chain.Build(leaf);
    }
}
