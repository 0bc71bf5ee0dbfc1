using System.Net.Http.Headers;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Server.Tests.Http;

/// <summary>One real server shared by the HTTP tests, with limits high enough that they never interfere.</summary>
public sealed class HttpServerFixture : IAsyncLifetime
{
    private BabelcastTestServer? _server;

    public BabelcastTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public string AdminToken { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:RateLimits:Token:PermitLimit"] = "1000",
            ["Babelcast:RateLimits:SessionCreate:PermitLimit"] = "1000",
            ["Babelcast:PublicBaseUrl"] = string.Empty,
        });
        AdminToken = await _server.GetTokenAsync();
    }

    public HttpClient Client(string? token = null)
    {
        var client = Server.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Creates a speaker straight in the server's store and returns a token for it.</summary>
    public async Task<string> CreateSpeakerAsync(string username, string password = "speaker-password-1")
    {
        var users = Server.Services.GetRequiredService<IUserStore>();
        await users.TryCreateAsync(new UserRecord(username, PasswordHasher.Hash(password), DateTimeOffset.UnixEpoch), CancellationToken.None);
        return await Server.GetTokenAsync(username, password);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
