using System.Net;
using System.Net.Http.Json;
using Babelcast.Core.Protocol;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Server.Tests.Auth;

/// <summary>Per-account sign-in lockout: bounded, growing, capped, cleared by a success.</summary>
public sealed class LoginLockoutTests
{
    private const string Password = BabelcastTestServer.AdminPassword;

    [Fact]
    public async Task WrongPasswords_LockTheAccountEvenForTheRightPassword_ForABoundedGrowingTime()
    {
        // JWT validation uses the real clock, so the fake one starts at the real time.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var server = await StartAsync(clock);
        using var client = server.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);
        }

        var (status, retryAfter, body) = await SignInAsync(client, "admin", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(60, retryAfter);
        Assert.Contains(ErrorCodes.RateLimitExceeded, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "someone-else", "wrong-password")).Status);

        clock.Advance(TimeSpan.FromSeconds(61));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);
        }

        Assert.Equal(120, (await SignInAsync(client, "admin", Password)).RetryAfter);

        clock.Advance(TimeSpan.FromSeconds(121));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);
        }

        // Capped: 240 s would be next, the cap is 180 s.
        Assert.Equal(180, (await SignInAsync(client, "admin", Password)).RetryAfter);

        clock.Advance(TimeSpan.FromSeconds(181));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "admin", Password)).Status);
    }

    [Fact]
    public async Task Success_ResetsTheCount()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var server = await StartAsync(clock);
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "admin", Password)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "admin", "wrong-password")).Status);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "admin", Password)).Status);
    }

    [Theory]
    [InlineData("MaxFailures", "0")]
    [InlineData("MaxLockoutDuration", "1.00:00:00")]
    [InlineData("LockoutDuration", "00:00:00")]
    public async Task InvalidOptions_FailStartUp(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?> { ["Babelcast:Auth:Lockout:" + key] = value });
        });
        Assert.Contains("Babelcast:Auth:Lockout:" + key, error.ToString(), StringComparison.Ordinal);
    }

    private static Task<BabelcastTestServer> StartAsync(FakeTimeProvider clock) =>
        BabelcastTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Babelcast:Auth:Lockout:MaxFailures"] = "3",
                ["Babelcast:Auth:Lockout:LockoutDuration"] = "00:01:00",
                ["Babelcast:Auth:Lockout:MaxLockoutDuration"] = "00:03:00",
                ["Babelcast:RateLimits:Token:PermitLimit"] = "1000",
            },
            services => services.AddSingleton<TimeProvider>(clock));

    private static async Task<(HttpStatusCode Status, int? RetryAfter, string Body)> SignInAsync(HttpClient client, string username, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        var retry = response.Headers.RetryAfter?.Delta is { } delta ? (int?)delta.TotalSeconds : null;
        return (response.StatusCode, retry, await response.Content.ReadAsStringAsync());
    }
}
