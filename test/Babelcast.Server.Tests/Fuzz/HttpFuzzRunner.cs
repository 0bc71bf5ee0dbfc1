using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Fuzz;

/// <summary>Sends every case of a category, collects each mismatch, then checks the control session once.</summary>
internal static class HttpFuzzRunner
{
    public static async Task RunAsync(FuzzServerFixture fx, ITestOutputHelper output, string category, IReadOnlyList<HttpCase> cases)
    {
        Assert.NotEmpty(cases);
        output.WriteLine($"{category}: {cases.Count} cases");
        var failures = new List<string>();
        using var client = fx.Client();
        foreach (var c in cases)
        {
            var failure = await CheckAsync(client, c);
            if (failure is not null)
            {
                failures.Add($"{c}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{category}: {failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures));
        await fx.AssertControlAsync(category);
    }

    private static async Task<string?> CheckAsync(HttpClient client, HttpCase c)
    {
        using var request = new HttpRequestMessage(c.Method, new Uri(c.Path, UriKind.Relative));
        if (c.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + c.Token);
        }

        if (c.Body is not null)
        {
            var content = new ByteArrayContent(c.Body);
            if (c.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }

            request.Content = content;
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var shown = body.Length > 300 ? body[..300] : body;
        if (response.StatusCode != c.Status)
        {
            return $"expected {(int)c.Status} {c.Code}, got {(int)response.StatusCode}: {shown}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"expected a problem, got {response.Content.Headers.ContentType?.MediaType}: {shown}";
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var code = doc.RootElement.TryGetProperty("code", out var value) ? value.GetString() : null;
            if (code != c.Code)
            {
                return $"expected code {c.Code}, got {code}: {shown}";
            }

            return doc.RootElement.TryGetProperty("status", out var status) && status.GetInt32() == (int)c.Status
                ? null
                : $"problem status field missing or wrong: {shown}";
        }
        catch (JsonException ex)
        {
            return $"problem body is not JSON ({ex.Message}): {shown}";
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
