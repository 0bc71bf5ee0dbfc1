using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.Json;
using Babelcast.Testing;
using Babelcast.Testing.Host;
using QRCoder;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>
/// Recipe (c) as a listener and a speaker meet it, through a proxy that serves <see cref="PublicHost"/> over TLS on a
/// loopback port: sign-in, a session, its join link and QR code, then a speaker and a listener over wss.
/// </summary>
internal static class ProxyScenario
{
    public const string PublicHost = "babelcast.example";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The server settings of the recipe (docs/deployment.md): the proxy on loopback, the public name.</summary>
    public static Dictionary<string, string?> ServerSettings() => new()
    {
        ["Babelcast:ReverseProxy:KnownProxies"] = "127.0.0.1",
        ["AllowedHosts"] = PublicHost,
    };

    /// <summary>Resolves every name to 127.0.0.1 (nothing leaves the machine); <paramref name="validate"/> judges the certificate.</summary>
    public static SocketsHttpHandler LoopbackHandler(RemoteCertificateValidationCallback validate) => new()
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
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validate },
    };

    /// <summary>
    /// Runs the scenario through the proxy's TLS port. <paramref name="publicOrigin"/> is what the join link must start
    /// with: nginx's <c>$host</c> drops the port of the Host header, Caddy passes the header on whole.
    /// </summary>
    public static async Task RunAsync(SocketsHttpHandler handler, int httpsPort, string publicOrigin, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"https://{PublicHost}:{httpsPort}/") };
        var token = await SignInAsync(http, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var created = await http.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var id = session.GetProperty("sessionId").GetString()!;

        // Kestrel speaks plain HTTP on 127.0.0.1: https and the public name can only come from the proxy's headers.
        var expected = $"{publicOrigin}/join/{id}";
        Assert.Equal(expected, session.GetProperty("joinUrl").GetString());
        var view = await http.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", cancellationToken);
        Assert.Equal(expected, view.GetProperty("joinUrl").GetString());
        Assert.Equal(QrSvg(expected), await http.GetStringAsync($"/api/sessions/{id}/qr.svg", cancellationToken));

        // A client's own X-Forwarded-Host is replaced by the proxy, never passed on.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{id}");
        spoofed.Headers.Add("X-Forwarded-Host", "evil.example");
        using var spoofedResponse = await http.SendAsync(spoofed, cancellationToken);
        var spoofedView = await spoofedResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal(expected, spoofedView.GetProperty("joinUrl").GetString());

        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        await using var speaker = await ProtocolClient.ConnectAsync(
            new Uri($"wss://{PublicHost}:{httpsPort}/ws/speak?sessionId={id}&token={token}"), invoker, cancellationToken);
        await speaker.WaitForTypeAsync("connected", Wait);
        await using var listener = await ProtocolClient.ConnectAsync(
            new Uri($"wss://{PublicHost}:{httpsPort}/ws/listen?sessionId={id}&targetLanguage=es"), invoker, cancellationToken);
        await listener.WaitForTypeAsync("sessionJoined", Wait);

        var (clip, _) = TestData.RealClips().Single(c => c.File.EndsWith("0870.wav", StringComparison.Ordinal));
        await speaker.StreamAudioAsync(Wav.Read16kMono(clip).Concat(new short[16000]).ToArray(), cancellationToken: cancellationToken);

        var caption = await listener.WaitForAsync(m => m.Type == "caption" && m.Final, Wait);
        Assert.Equal("es", caption.Text("targetLanguage"));
        Assert.False(string.IsNullOrWhiteSpace(caption.Text()));
        var audio = await listener.WaitForAsync(m => m.Type == "audioData", Wait);
        Assert.True(audio.Binary!.Length > 100, "the translated phrase's MP3 came through the proxy");
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
}
