using System.Net.Http.Json;
using System.Text.Json;
using Babelcast.Testing.Host;

namespace Babelcast.Server.Tests.Cluster;

/// <summary>What the cluster tests do against a node as a client would, and their shared checks.</summary>
internal static class ClusterClient
{
    public static void AssertNoRepeatedPhrase(IReadOnlyList<string> phrases)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < phrases.Count; i++)
        {
            var words = phrases[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var w = 0; w + 4 <= words.Length; w++)
            {
                var gram = string.Join(' ', words[w..(w + 4)]);
                if (seen.TryGetValue(gram, out var other) && other != i)
                {
                    Assert.Fail($"phrases {other} and {i} both say \"{gram}\": {phrases[other]} | {phrases[i]}");
                }

                seen[gram] = i;
            }
        }
    }

    public static async Task<string> TokenAsync(NodeProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = ClusterFixture.AdminPassword });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static async Task<string> CreateSessionAsync(NodeProcess node, string token)
    {
        using var client = new HttpClient { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("sessionId").GetString()!;
    }

    public static async Task<ProtocolClient> JoinAsync(NodeProcess node, string sessionId, string language)
    {
        var listener = await ProtocolClient.ConnectAsync(node.WebSocketUri($"/ws/listen?sessionId={sessionId}&targetLanguage={language}"));
        await listener.WaitForTypeAsync("sessionJoined", TimeSpan.FromSeconds(60));
        return listener;
    }
}
