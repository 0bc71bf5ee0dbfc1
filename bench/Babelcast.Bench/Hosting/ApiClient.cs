using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Hosting;

/// <summary>The few HTTP calls the bench makes: a token for the admin speaker and new sessions.</summary>
public sealed class ApiClient(IBenchServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
    private string? _token;

    public string Token => _token ?? throw new InvalidOperationException("Call LoginAsync first.");

    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = server.AdminPassword }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        _token = doc.RootElement.GetProperty("accessToken").GetString();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    public async Task<string> CreateSessionAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && body.Contains(ErrorCodes.CapacityExceeded, StringComparison.Ordinal))
        {
            throw new CapacityRefusedException($"POST /api/sessions: {body}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/sessions: {(int)response.StatusCode} {body}");
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("sessionId").GetString()!;
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative), cancellationToken);
    }

    /// <summary>The server's <c>/metrics</c> page (Prometheus text), or an empty string if it cannot be read.</summary>
    public async Task<string> MetricsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : string.Empty;
    }

    public Uri SpeakerUri(string sessionId) => new(server.WebSocketBase, $"/ws/speak?sessionId={sessionId}&token={Token}");

    public void Dispose() => _http.Dispose();
}
