using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Hosting;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task TokenAndSessionCreate_OverConfiguredLimits_Return429WithRetryAfter()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:Token:PermitLimit"] = "2",
            ["Babelcast:RateLimits:Token:Window"] = "00:01:00",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "2",
        });
        var users = server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord("second", PasswordHasher.Hash("second-password"), DateTimeOffset.UnixEpoch), CancellationToken.None);
        var admin = await server.GetTokenAsync();
        var second = await server.GetTokenAsync("second", "second-password");

        // Third token request from this IP (wrong password or not) is over the limit.
        using var client = server.CreateClient();
        using var limited = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "wrong-password" });
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimitExceeded);
        var retryAfter = problem.GetProperty("retryAfter").GetInt32();
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Headers.GetValues("Retry-After").Single());

        // Session creation is limited per speaker: admin's third is refused, the other speaker is unaffected.
        await server.CreateSessionAsync(admin);
        await server.CreateSessionAsync(admin);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var third = await client.PostAsJsonAsync("/api/sessions", new { sourceLanguage = "en" });
        var createProblem = await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimitExceeded);
        Assert.True(createProblem.GetProperty("retryAfter").GetInt32() >= 1);
        Assert.True(third.Headers.RetryAfter is not null);
        await server.CreateSessionAsync(second);
    }

    [Fact]
    public async Task WebSocketRateLimiter_OverConfiguredLimits_RefusesPerIpWithRetryAfter()
    {
        await using var server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:WebSocketConnect:PermitLimit"] = "2",
            ["Babelcast:RateLimits:Join:PermitLimit"] = "1",
            ["Babelcast:RateLimits:Join:Window"] = "00:00:30",
        });
        var limiter = server.Services.GetRequiredService<IWebSocketRateLimiter>();

        var none = CancellationToken.None;
        Assert.True((await limiter.AcquireConnectAsync("10.0.0.1", none)).Acquired);
        Assert.True((await limiter.AcquireConnectAsync("10.0.0.1", none)).Acquired);
        var connect = await limiter.AcquireConnectAsync("10.0.0.1", none);
        Assert.False(connect.Acquired);
        Assert.InRange(connect.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Assert.True((await limiter.AcquireConnectAsync("10.0.0.2", none)).Acquired);

        var first = await limiter.AcquireJoinAsync("10.0.0.1", none);
        Assert.True(first.Acquired);
        Assert.Equal(TimeSpan.Zero, first.RetryAfter);
        var join = await limiter.AcquireJoinAsync("10.0.0.1", none);
        Assert.False(join.Acquired);
        Assert.InRange(join.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
    }
}
