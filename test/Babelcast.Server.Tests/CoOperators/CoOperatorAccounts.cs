using System.Net.Http.Headers;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.CoOperators;

/// <summary>Accounts made for one test on a shared server (unique names, so that tests never see each other's invitations).</summary>
internal static class CoOperatorAccounts
{
    public const string Password = "co-operator-password-1";

    /// <summary>A new local account that can sign in; returns its name and a token.</summary>
    public static async Task<(string Username, string Token)> CreateAsync(BabelcastTestServer server, string prefix = "op")
    {
        var username = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var users = server.Services.GetRequiredService<IUserStore>();
        Assert.True(await users.TryCreateAsync(new UserRecord(username, PasswordHasher.Hash(Password), DateTimeOffset.UnixEpoch), CancellationToken.None));
        return (username, await server.GetTokenAsync(username, Password));
    }

    /// <summary>An account that exists but has no password anyone knows (enough to be invited).</summary>
    public static async Task<string> CreateUnusableAsync(BabelcastTestServer server)
    {
        var username = $"u-{Guid.NewGuid():N}"[..20];
        var users = server.Services.GetRequiredService<IUserStore>();
        Assert.True(await users.TryCreateAsync(new UserRecord(username, "not-a-hash", DateTimeOffset.UnixEpoch), CancellationToken.None));
        return username;
    }

    public static HttpClient Client(BabelcastTestServer server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
